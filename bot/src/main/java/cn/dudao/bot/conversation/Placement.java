package cn.dudao.bot.conversation;

import cn.dudao.bot.inspection.InspectionRepository;
import cn.dudao.bot.inspection.Inspections;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.Roster;
import cn.dudao.flows.engine.ConversationState;
import cn.dudao.flows.engine.FlowEvent;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Where an inspection takes place, from the answers that say so ({@code village}, {@code area},
 * {@code household}). A place outside the inspector's team is refused, whatever the client sent:
 * options are offered from his team's places only, and this checks it again.
 */
@Component
class Placement {

  private final Roster roster;
  private final Inspections inspections;
  private final InspectionRepository inspectionRecords;

  Placement(Roster roster, Inspections inspections, InspectionRepository inspectionRecords) {
    this.roster = roster;
    this.inspections = inspections;
    this.inspectionRecords = inspectionRecords;
  }

  void place(long inspectionId, FlowEvent.AnswerRecorded answer, ConversationState state, Member member) {
    String value = String.valueOf(answer.value());
    switch (answer.key()) {
      case "village" -> {
        Roster.VillageChoice village = roster.villagesFor(member).stream()
            .filter(v -> Long.toString(v.villageId()).equals(value)).findFirst()
            .orElseThrow(() -> new IllegalStateException("village " + value + " is outside the team's areas"));
        inspections.place(inspectionId, village.areaId(), village.villageId(), null, village.label());
      }
      case "area" -> {
        Roster.AreaChoice area = roster.areaChoicesFor(member).stream()
            .filter(a -> Long.toString(a.areaId()).equals(value)).findFirst()
            .orElseThrow(() -> new IllegalStateException("area " + value + " is outside the team's areas"));
        inspections.place(inspectionId, area.areaId(), null, null, area.name());
      }
      case "household" -> {
        Long householdId = value.chars().allMatch(Character::isDigit) ? Long.valueOf(value) : null;
        inspections.place(inspectionId, null, null, householdId, label(state, "households", value, answer.display()));
      }
      default -> { }
    }
  }

  /** The inspection's place as people read it. */
  String subject(long inspectionId) {
    String subject = inspectionRecords.findById(inspectionId).orElseThrow().getSubject();
    return subject == null ? "本次核查" : subject;
  }

  @SuppressWarnings("unchecked")
  private static String label(ConversationState state, String list, String key, String fallback) {
    Object options = state.data().get(list);
    if (options instanceof List<?> items) {
      for (Object item : items) {
        Map<String, Object> option = (Map<String, Object>) item;
        if (key.equals(String.valueOf(option.get("key")))) {
          return String.valueOf(option.get("label"));
        }
      }
    }
    return fallback;
  }
}
