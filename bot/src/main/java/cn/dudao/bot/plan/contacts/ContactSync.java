package cn.dudao.bot.plan.contacts;

import cn.dudao.bot.audit.AuditEvent;
import cn.dudao.bot.audit.AuditLog;
import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.ResponsibleUnit;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import cn.dudao.bot.plan.Target;
import cn.dudao.bot.plan.UnitContact;
import cn.dudao.bot.plan.UnitContactRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches a plan's people to WeCom user ids by name. Exactly one directory member of that name: his
 * id is taken. None, or several: the person is listed and keeps his id. An id already held by another
 * person of the plan is never given twice. County office only; the outcome goes to the audit trail.
 */
@Service
public class ContactSync {

  /** How one person fared. */
  public enum Outcome { LINKED, ALREADY_LINKED, NOT_FOUND, AMBIGUOUS, ID_TAKEN }

  /** One person's line in the result. {@code kind} says 督导组成员 or 单位联系人. */
  public record Line(String kind, String where, String name, String before, String after, Outcome outcome) {}

  /** The whole result; {@link #unmatched()} is what the county office must sort out by hand. */
  public record Result(int directorySize, List<Line> lines) {
    public List<Line> linked() {
      return lines.stream().filter(l -> l.outcome() == Outcome.LINKED).toList();
    }

    public List<Line> unmatched() {
      return lines.stream().filter(l -> l.outcome() != Outcome.LINKED && l.outcome() != Outcome.ALREADY_LINKED)
          .toList();
    }
  }

  private final ContactDirectory directory;
  private final MemberRepository members;
  private final ResponsibleUnitRepository units;
  private final UnitContactRepository contacts;
  private final Access access;
  private final AuditLog audit;

  ContactSync(ContactDirectory directory, MemberRepository members, ResponsibleUnitRepository units,
              UnitContactRepository contacts, Access access, AuditLog audit) {
    this.directory = directory;
    this.members = members;
    this.units = units;
    this.contacts = contacts;
    this.access = access;
    this.audit = audit;
  }

  /** Reads the directory and links the plan's people; throws {@link ContactDirectory.Unavailable} if it cannot. */
  @Transactional
  public Result sync(Actor actor, long planId) {
    access.require(actor, Access.Action.ADMIN, Target.planData(planId));
    List<ContactDirectory.Person> people = directory.people();
    Map<String, List<String>> idsByName = people.stream().filter(p -> p.name() != null)
        .collect(Collectors.groupingBy(p -> normal(p.name()),
            Collectors.mapping(ContactDirectory.Person::userId, Collectors.toList())));
    List<Line> lines = new ArrayList<>();
    List<Member> roster = members.findByPlanIdOrderByTeamIdAscSortOrderAsc(planId);
    Set<String> takenByMembers = roster.stream().map(Member::getWecomUserId).filter(id -> id != null)
        .collect(Collectors.toCollection(HashSet::new));
    for (Member m : roster) {
      lines.add(match("督导组成员", m.getPosition(), m.getName(), m.getWecomUserId(), idsByName, takenByMembers,
          m::linkWecom));
    }
    Map<Long, ResponsibleUnit> unitById = units.findByPlanIdOrderBySortOrderAscIdAsc(planId).stream()
        .collect(Collectors.toMap(ResponsibleUnit::getId, Function.identity()));
    List<UnitContact> unitContacts = contacts.findByUnitIdInOrderByUnitIdAscSortOrderAsc(unitById.keySet());
    for (ResponsibleUnit unit : unitById.values()) {
      // Within one unit an id is held once; different units may share a contact.
      List<UnitContact> own = unitContacts.stream().filter(c -> c.getUnitId().equals(unit.getId())).toList();
      Set<String> taken = own.stream().map(UnitContact::getWecomUserId).filter(id -> id != null)
          .collect(Collectors.toCollection(HashSet::new));
      for (UnitContact c : own) {
        lines.add(match("单位联系人", unit.getName(), c.getName(), c.getWecomUserId(), idsByName, taken, c::linkWecom));
      }
    }
    Result result = new Result(people.size(), lines);
    audit.record(actor.id(), "sync contacts", "plan:" + planId, AuditEvent.Outcome.APPLIED,
        "通讯录 " + people.size() + " 人；新匹配 " + result.linked().size() + " 人，未匹配 " + result.unmatched().size() + " 人");
    return result;
  }

  private static Line match(String kind, String where, String name, String current, Map<String, List<String>> idsByName,
                            Set<String> taken, Consumer<String> link) {
    List<String> ids = idsByName.getOrDefault(normal(name), List.of());
    if (current != null && ids.contains(current)) {
      return new Line(kind, where, name, current, current, Outcome.ALREADY_LINKED);
    }
    if (ids.isEmpty()) {
      return new Line(kind, where, name, current, current, Outcome.NOT_FOUND);
    }
    if (ids.size() > 1) {
      return new Line(kind, where, name, current, current, Outcome.AMBIGUOUS);
    }
    String id = ids.get(0);
    if (taken.contains(id)) {
      return new Line(kind, where, name, current, current, Outcome.ID_TAKEN);
    }
    taken.remove(current);
    taken.add(id);
    link.accept(id);
    return new Line(kind, where, name, current, id, Outcome.LINKED);
  }

  /** Names compare without spaces (half- or full-width), as people type them in both places. */
  static String normal(String name) {
    return name == null ? "" : name.replaceAll("[\\s\\u3000]", "");
  }
}
