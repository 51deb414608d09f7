package cn.dudao.bot.simulator;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.outbox.Outbox;
import cn.dudao.bot.outbox.OutboxRecord;
import cn.dudao.bot.outbox.OutboxRepository;
import cn.dudao.bot.outbox.OutgoingMessage;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.PlanRepository;
import cn.dudao.bot.plan.ResponsibleUnit;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import cn.dudao.bot.plan.TeamRepository;
import cn.dudao.bot.plan.UnitContactRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the simulator shows: the people one can act as, and one person's chat, both directions. */
@Component
@Transactional(readOnly = true)
public class Transcripts {

  /** Someone to act as. {@code userId} "visitor" stands for a person on no roster. */
  public record Person(String userId, String name, String role, String team, String plan) {}

  /** One chat bubble. */
  public record Entry(String id, boolean fromBot, Instant at, String type, String text, List<OutgoingMessage.Button> buttons,
               String taskId, String submitKey, String status) {}

  private final PlanRepository plans;
  private final TeamRepository teams;
  private final MemberRepository members;
  private final InboxRepository inbox;
  private final Inbox inboxReader;
  private final OutboxRepository outbox;
  private final Outbox outboxReader;
  private final ResponsibleUnitRepository units;
  private final UnitContactRepository contacts;

  public Transcripts(PlanRepository plans, TeamRepository teams, MemberRepository members, InboxRepository inbox,
                     Inbox inboxReader, OutboxRepository outbox, Outbox outboxReader, ResponsibleUnitRepository units,
                     UnitContactRepository contacts) {
    this.plans = plans;
    this.teams = teams;
    this.members = members;
    this.inbox = inbox;
    this.inboxReader = inboxReader;
    this.outbox = outbox;
    this.outboxReader = outboxReader;
    this.units = units;
    this.contacts = contacts;
  }

  public List<Person> people() {
    List<Person> people = new ArrayList<>();
    plans.findByActiveTrueOrderByIdDesc().forEach(plan -> {
      Map<Long, String> teamNames = teams.findByPlanIdOrderByNumber(plan.getId()).stream()
          .collect(Collectors.toMap(t -> t.getId(), t -> t.getName(), (a, b) -> a));
      members.findByPlanIdOrderByTeamIdAscSortOrderAsc(plan.getId()).forEach(m -> people.add(new Person(
          m.getWecomUserId(), m.getName(), m.getRole().label(), teamNames.get(m.getTeamId()), plan.getName())));
      // Responsible units' contacts talk to the bot too (rectification notices).
      Map<Long, ResponsibleUnit> planUnits = units.findByPlanIdOrderBySortOrderAscIdAsc(plan.getId()).stream()
          .collect(Collectors.toMap(ResponsibleUnit::getId, Function.identity()));
      contacts.findByUnitIdInOrderByUnitIdAscSortOrderAsc(planUnits.keySet()).forEach(c -> people.add(new Person(
          c.getWecomUserId(), c.getName(), "单位联系人", planUnits.get(c.getUnitId()).getName(), plan.getName())));
    });
    people.removeIf(p -> p.userId() == null);
    people.add(new Person("visitor", "名单外人员", "访客", "—", "—"));
    return people;
  }

  public List<Entry> of(String userId) {
    List<Entry> entries = new ArrayList<>();
    for (InboundRecord r : inbox.findByUserIdAndChannelOrderByIdAsc(userId, InboundMessage.Channel.SIMULATOR)) {
      InboundMessage m = inboxReader.read(r);
      entries.add(new Entry("in-" + r.getId(), false, r.getReceivedAt(), m.kind().name(), describe(m), List.of(),
          null, null, r.getStatus().name()));
    }
    for (OutboxRecord r : outbox.findByRecipientAndChannelOrderByIdAsc(userId, InboundMessage.Channel.SIMULATOR)) {
      OutgoingMessage m = outboxReader.read(r);
      String submitKey = m.type() == OutgoingMessage.Type.MULTI_CARD ? m.subTitle() : null;
      entries.add(new Entry("out-" + r.getId(), true, r.getCreatedAt(), m.type().name(), m.text(), m.buttons(),
          m.taskId(), submitKey, r.getStatus().name()));
    }
    entries.sort(Comparator.comparing(Entry::at).thenComparing(Entry::id));
    return entries;
  }

  private static String describe(InboundMessage m) {
    return switch (m.kind()) {
      case TEXT -> m.text();
      case CARD_EVENT -> m.selectedKeys().isEmpty() ? "［点击按钮］" + m.text()
          : "［提交选择］" + String.join("、", m.selectedKeys());
      case LOCATION -> "［位置］" + (m.label() == null ? "" : m.label()) + " " + m.latitude() + "," + m.longitude();
      case IMAGE -> "［图片］";
      default -> "［" + m.kind().name() + "］";
    };
  }
}
