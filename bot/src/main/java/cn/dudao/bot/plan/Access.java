package cn.dudao.bot.plan;

import cn.dudao.bot.audit.AuditLog;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Who may do what: the one authorization policy of the bot and the console. Each decision is a pure
 * function of the actor's capacities and the target's facts; every refusal is written to the audit
 * trail. The matrix (VIEW / WORK; ADMIN is the county office's alone):
 * <ul>
 *   <li>the plan's full lists at once (imports ADMIN, exports VIEW): county office and viewers only;</li>
 *   <li>county office: everything in its plan (console admins: in every plan);</li>
 *   <li>viewer (console): VIEW everything, nothing else;</li>
 *   <li>team leader or deputy: the plan's basics; his team; the areas, villages and households of his
 *       team's areas; every inspection and problem in them;</li>
 *   <li>inspector: the plan's basics; the areas, villages and households of his team's areas; his own
 *       inspections and the problems he found;</li>
 *   <li>unit contact: the plan's basics; his unit and the problems assigned to it;</li>
 *   <li>unknown: nothing, not even the bot.</li>
 * </ul>
 */
@Service
public class Access {

  /** What the actor wants to do with the target. */
  public enum Action { VIEW, WORK, ADMIN }

  /** A decision and, for a refusal, the reason in Chinese. */
  public record Decision(boolean allowed, String reason) {
    static final Decision ALLOW = new Decision(true, null);

    static Decision deny(String reason) {
      return new Decision(false, reason);
    }
  }

  /** Thrown by {@link #require} after the refusal is on record. */
  public static class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Refused(String reason) {
      super(reason);
    }
  }

  /**
   * What an actor may see of one plan, for list queries: the places (areas, villages, households) of
   * some teams, all work (inspections, problems) of some teams, his own work, some units' problems.
   */
  public record Scope(boolean everything, boolean readOnly, Set<Long> placeTeamIds, Set<Long> workTeamIds,
                      Long memberId, Set<Long> unitIds) {
    public static final Scope NOTHING = new Scope(false, true, Set.of(), Set.of(), null, Set.of());

    /** True when the areas, villages and households of {@code teamId} are visible. */
    public boolean coversPlace(Long teamId) {
      return everything || (teamId != null && placeTeamIds.contains(teamId));
    }

    /** True when work done in {@code teamId}'s areas by {@code memberId} is visible. */
    public boolean coversWork(Long teamId, Long byMemberId) {
      return everything || (teamId != null && workTeamIds.contains(teamId))
          || (memberId != null && memberId.equals(byMemberId) && placeTeamIds.contains(teamId));
    }

    /** True when problems assigned to {@code unitId} are visible. */
    public boolean coversUnit(Long unitId) {
      return everything || (unitId != null && unitIds.contains(unitId));
    }
  }

  private final AuditLog audit;

  public Access(AuditLog audit) {
    this.audit = audit;
  }

  /** Decides and records a refusal; true when allowed. */
  public boolean permits(Actor actor, Action action, Target target) {
    Decision decision = decide(actor, action, target);
    if (!decision.allowed()) {
      audit.denied(actor.id(), action.name().toLowerCase() + " " + target.kind().name().toLowerCase(),
          target.label(), decision.reason());
    }
    return decision.allowed();
  }

  /** Decides; a refusal is recorded and thrown as {@link Refused}. */
  public void require(Actor actor, Action action, Target target) {
    if (!permits(actor, action, target)) {
      throw new Refused(decide(actor, action, target).reason());
    }
  }

  /** The decision alone, nothing recorded. */
  public Decision decide(Actor actor, Action action, Target target) {
    if (actor.role() == Actor.Role.UNKNOWN) {
      return Decision.deny("不在任何有效督导方案的人员名单中");
    }
    if (target.kind() == Target.Kind.BOT) {
      return Decision.ALLOW;
    }
    if (target.planId() == null && actor.planId() != null) {
      return Decision.deny("仅县督导办的管理账号可以新建督导方案");
    }
    if (actor.planId() != null && !Objects.equals(actor.planId(), target.planId())) {
      return Decision.deny("不属于本人所在的督导方案");
    }
    if (actor.role() == Actor.Role.COUNTY_OFFICE) {
      return Decision.ALLOW;
    }
    if (action == Action.ADMIN) {
      return Decision.deny("仅县督导办可以管理督导方案");
    }
    if (actor.role() == Actor.Role.VIEWER) {
      return action == Action.VIEW ? Decision.ALLOW : Decision.deny("只读账号不能修改");
    }
    if (target.kind() == Target.Kind.PLAN_DATA) {
      return Decision.deny("仅县督导办和只读账号可以查看全部名单");
    }
    if (target.kind() == Target.Kind.PLAN) {
      return action == Action.VIEW ? Decision.ALLOW : Decision.deny("仅县督导办可以管理督导方案");
    }
    if ((target.kind() == Target.Kind.PROBLEM || target.kind() == Target.Kind.UNIT)
        && target.unitId() != null && actor.unitIds().contains(target.unitId())) {
      return Decision.ALLOW;
    }
    if (actor.teamId() == null) {
      return Decision.deny("只能查看和处理交办给本单位的问题");
    }
    return byTeam(actor, target);
  }

  private static Decision byTeam(Actor actor, Target target) {
    boolean ownTeam = Objects.equals(actor.teamId(), target.teamId());
    boolean own = target.memberId() != null && Objects.equals(actor.memberId(), target.memberId());
    return switch (target.kind()) {
      case TEAM -> ownTeam && actor.leads() ? Decision.ALLOW
          : Decision.deny(ownTeam ? "仅组长、副组长可以查看全组工作" : "不是本人所在的督导组");
      case AREA, VILLAGE, HOUSEHOLD -> ownTeam ? Decision.ALLOW : Decision.deny("不在本组督导范围内");
      case INSPECTION, PROBLEM -> !ownTeam ? Decision.deny("不在本组督导范围内")
          : actor.leads() || own ? Decision.ALLOW : Decision.deny("组员只能查看和处理本人的督导记录");
      case UNIT -> Decision.deny("不是本单位的联系人");
      case BOT, PLAN -> Decision.ALLOW;
      case PLAN_DATA -> Decision.deny("仅县督导办和只读账号可以查看全部名单");
    };
  }

  /** What the actor may see of {@code planId}, for the console's and reminders' list queries. */
  public Scope scope(Actor actor, long planId) {
    if (actor.role() == Actor.Role.UNKNOWN || (actor.planId() != null && actor.planId() != planId)) {
      return Scope.NOTHING;
    }
    Set<Long> team = actor.teamId() == null ? Set.of() : Set.of(actor.teamId());
    return switch (actor.role()) {
      case COUNTY_OFFICE -> new Scope(true, false, Set.of(), Set.of(), null, Set.of());
      case VIEWER -> new Scope(true, true, Set.of(), Set.of(), null, Set.of());
      default -> new Scope(false, false, team, actor.leads() ? team : Set.of(), actor.memberId(), actor.unitIds());
    };
  }
}
