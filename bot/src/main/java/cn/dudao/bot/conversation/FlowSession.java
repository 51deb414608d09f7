package cn.dudao.bot.conversation;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inspection.Inspection;
import cn.dudao.bot.inspection.Inspections;
import cn.dudao.bot.outbox.OutgoingMessage;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.Roster;
import cn.dudao.flows.definition.Flow;
import cn.dudao.flows.engine.ConversationState;
import cn.dudao.flows.engine.FlowEngine;
import cn.dudao.flows.engine.FlowEvent;
import cn.dudao.flows.engine.Input;
import cn.dudao.flows.engine.StepResult;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Runs one message of a rostered member through his flow: starts a village check on 开始, otherwise
 * steps the engine, and turns the engine's events into stored answers and replies. Called inside the
 * conversation transaction only.
 */
@Component
class FlowSession {

  private static final DateTimeFormatter SIGNED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  private final FlowCatalog catalog;
  private final FlowEngine engine = new FlowEngine();
  private final StateCodec codec;
  private final Roster roster;
  private final Inspections inspections;
  private final Clock clock;

  FlowSession(FlowCatalog catalog, StateCodec codec, Roster roster, Inspections inspections, Clock clock) {
    this.catalog = catalog;
    this.codec = codec;
    this.roster = roster;
    this.inspections = inspections;
    this.clock = clock;
  }

  void apply(ConversationRecord conversation, Member member, InboundMessage message, ReplyBuffer replies) {
    Optional<ConversationState> state = codec.decode(conversation.getStateJson());
    boolean inFlow = state.isPresent() && (state.get().status() == ConversationState.Status.ACTIVE
        || state.get().status() == ConversationState.Status.PAUSED);
    if (!inFlow) {
      idle(conversation, member, message, replies);
      return;
    }
    Optional<Input> input = InputMapper.toInput(message);
    if (input.isEmpty()) {
      return;
    }
    Flow flow = catalog.get(state.get().flowId());
    StepResult result = engine.step(flow, state.get(), input.get());
    handle(result, conversation, member, replies);
    if (input.get() instanceof Input.Choice && message.responseCode() != null && answered(result)) {
      replies.add(OutgoingMessage.cardUpdate(message.responseCode(), Replies.chosen(lastDisplay(result))));
    }
  }

  private void idle(ConversationRecord conversation, Member member, InboundMessage message, ReplyBuffer replies) {
    if (InputMapper.isStart(message)) {
      start(conversation, member, replies);
    } else if (message.kind() == InboundMessage.Kind.ENTER_AGENT) {
      replies.say(Replies.WELCOME.formatted(member.getName(), member.getRole().label()));
    } else if (message.kind() == InboundMessage.Kind.CARD_EVENT) {
      replies.say(Replies.STALE_CARD);
    } else {
      replies.say(Replies.IDLE_HINT);
    }
  }

  private void start(ConversationRecord conversation, Member member, ReplyBuffer replies) {
    List<Roster.VillageChoice> villages = roster.villagesFor(member);
    if (villages.isEmpty()) {
      replies.say(Replies.NO_VILLAGES);
      return;
    }
    Flow flow = catalog.get(FlowCatalog.VILLAGE_CHECK);
    Inspection inspection = inspections.start(member, flow.id(), flow.revision());
    List<Map<String, String>> options = villages.stream()
        .map(v -> Map.of("key", Long.toString(v.villageId()), "label", v.label()))
        .toList();
    StepResult result = engine.start(flow, Map.of("villages", options));
    conversation.update(member.getId(), inspection.getId(), flow.id(), null, clock.instant());
    handle(result, conversation, member, replies);
  }

  private void handle(StepResult result, ConversationRecord conversation, Member member, ReplyBuffer replies) {
    long inspectionId = conversation.getInspectionId();
    for (FlowEvent event : result.events()) {
      if (event instanceof FlowEvent.AnswerRecorded a) {
        record(inspectionId, a, member);
      } else if (event instanceof FlowEvent.AnswersCleared c) {
        inspections.clearAnswers(inspectionId, c.keys());
      } else if (event instanceof FlowEvent.QuestionAsked q) {
        replies.ask(q);
      } else if (event instanceof FlowEvent.InputRejected r) {
        replies.say(r.hint());
      } else if (event instanceof FlowEvent.StaleInputIgnored) {
        replies.say(Replies.STALE_CARD);
      } else if (event instanceof FlowEvent.MessageShown m) {
        replies.say(m.text());
      } else if (event instanceof FlowEvent.Completed) {
        inspections.confirm(inspectionId, member);
        replies.say(Replies.CONFIRMED.formatted(villageLabel(result), member.getName(),
            SIGNED_AT.format(clock.instant())));
      } else if (event instanceof FlowEvent.Exited) {
        inspections.abandon(inspectionId);
      }
    }
    conversation.update(member.getId(), inspectionId, result.state().flowId(), codec.encode(result.state()),
        clock.instant());
  }

  private void record(long inspectionId, FlowEvent.AnswerRecorded a, Member member) {
    if ("village".equals(a.key())) {
      long villageId = Long.parseLong(String.valueOf(a.value()));
      Roster.VillageChoice village = roster.villagesFor(member).stream()
          .filter(v -> v.villageId() == villageId).findFirst()
          .orElseThrow(() -> new IllegalStateException("village " + villageId + " offered outside the team's areas"));
      inspections.place(inspectionId, village.areaId(), village.villageId());
    }
    inspections.recordAnswer(inspectionId, a.key(), a.nodeId(), a.value(), a.display(), a.revision(), member);
  }

  private static boolean answered(StepResult result) {
    return result.events().stream().anyMatch(e -> e instanceof FlowEvent.AnswerRecorded)
        && result.events().stream().noneMatch(e -> e instanceof FlowEvent.InputRejected);
  }

  private static String lastDisplay(StepResult result) {
    return result.events().stream().filter(e -> e instanceof FlowEvent.AnswerRecorded)
        .map(e -> ((FlowEvent.AnswerRecorded) e).display()).reduce((a, b) -> b).orElse("");
  }

  private static String villageLabel(StepResult result) {
    Object village = result.state().answers().get("village");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> villages = (List<Map<String, Object>>) result.state().data().get("villages");
    if (villages != null) {
      for (Map<String, Object> v : villages) {
        if (String.valueOf(v.get("key")).equals(String.valueOf(village))) {
          return String.valueOf(v.get("label"));
        }
      }
    }
    return String.valueOf(village);
  }
}
