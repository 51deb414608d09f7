package cn.dudao.bot.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is on which roster, and which villages a member may inspect (those of his team's areas).
 *
 * <p>Membership is explicit: one roster row per person and plan. A person on the rosters of two active
 * plans is served from one of them at a time: the plan of the flow he is in (the conversation pins it
 * until the flow ends), otherwise the newest active plan whose field period (extension included)
 * contains today, otherwise the newest active plan.
 */
@Service
@Transactional(readOnly = true)
public class Roster {

  /** Dates of the field period are local to the county. */
  static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

  /** A village as an inspector picks it: id and a label with its area. */
  public record VillageChoice(long villageId, long areaId, String label) {}

  /** An area of the member's team, as a flow option shows it. */
  public record AreaChoice(long areaId, String name) {}

  private final MemberRepository members;
  private final JdbcTemplate jdbc;
  private final PlanRepository plans;
  private final Clock clock;

  public Roster(MemberRepository members, JdbcTemplate jdbc, PlanRepository plans, Clock clock) {
    this.members = members;
    this.jdbc = jdbc;
    this.plans = plans;
    this.clock = clock;
  }

  /** The membership a WeCom user is served from when no flow pins one. */
  public Optional<Member> findMember(String wecomUserId) {
    return findMember(wecomUserId, null);
  }

  /**
   * The membership a WeCom user is served from. {@code pinnedMemberId} is the membership of the flow
   * he is in, if any; it wins while its plan is active.
   */
  public Optional<Member> findMember(String wecomUserId, Long pinnedMemberId) {
    List<Member> active = memberships(wecomUserId);
    if (active.size() <= 1) {
      return active.stream().findFirst();
    }
    if (pinnedMemberId != null) {
      Optional<Member> pinned = active.stream().filter(m -> pinnedMemberId.equals(m.getId())).findFirst();
      if (pinned.isPresent()) {
        return pinned;
      }
    }
    LocalDate today = LocalDate.now(clock.withZone(COUNTY_TIME));
    Map<Long, Plan> byId = plans.findAllById(active.stream().map(Member::getPlanId).toList()).stream()
        .collect(Collectors.toMap(Plan::getId, Function.identity()));
    return active.stream().filter(m -> byId.get(m.getPlanId()).inFieldPeriod(today)).findFirst()
        .or(() -> active.stream().findFirst());
  }

  /**
   * All roster entries of a WeCom user in active plans, newest plan first. Read with one plain query
   * (it runs for every message); the entries are read-only copies, not managed by JPA.
   */
  public List<Member> memberships(String wecomUserId) {
    if (wecomUserId == null || wecomUserId.isBlank()) {
      return List.of();
    }
    return jdbc.query("SELECT m.id, m.plan_id, m.team_id, m.name, m.role, m.position, m.wecom_user_id, m.sort_order "
            + "FROM members m JOIN plans p ON p.id = m.plan_id WHERE p.active = TRUE AND m.wecom_user_id = ? "
            + "ORDER BY p.id DESC",
        (rs, i) -> Member.read(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
            Member.Role.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getInt(8)), wecomUserId);
  }

  /**
   * The areas assigned to the member's team, in plan order, for flow starts and area answers: one plain
   * query (the derived query built a criteria query per call). A member without a team has none.
   */
  public List<AreaChoice> areaChoicesFor(Member member) {
    if (member.getTeamId() == null) {
      return List.of();
    }
    return jdbc.query("SELECT id, name FROM areas WHERE team_id = ? ORDER BY sort_order, id",
        (rs, i) -> new AreaChoice(rs.getLong(1), rs.getString(2)), member.getTeamId());
  }

  /**
   * The villages of the areas assigned to the member's team, in plan order. One plain query: it runs
   * for every village answer and every start, and read through two repositories it was the costliest
   * lookup of the conversation path (deploy/BENCHMARKS.md).
   */
  public List<VillageChoice> villagesFor(Member member) {
    if (member.getTeamId() == null) {
      return List.of();
    }
    return jdbc.query("SELECT v.id, v.area_id, a.name, v.name FROM villages v JOIN areas a ON a.id = v.area_id "
            + "WHERE a.team_id = ? ORDER BY a.sort_order, a.id, v.sort_order, v.id",
        (rs, i) -> new VillageChoice(rs.getLong(1), rs.getLong(2), rs.getString(3) + " " + rs.getString(4)),
        member.getTeamId());
  }

  /** True when the village lies in an area of the member's team. */
  public boolean mayInspect(Member member, long villageId) {
    return villagesFor(member).stream().anyMatch(v -> v.villageId() == villageId);
  }
}
