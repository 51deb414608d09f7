package cn.dudao.bot.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
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

  private final MemberRepository members;
  private final AreaRepository areas;
  private final VillageRepository villages;
  private final PlanRepository plans;
  private final Clock clock;

  public Roster(MemberRepository members, AreaRepository areas, VillageRepository villages, PlanRepository plans,
                Clock clock) {
    this.members = members;
    this.areas = areas;
    this.villages = villages;
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

  /** All roster entries of a WeCom user in active plans, newest plan first. */
  public List<Member> memberships(String wecomUserId) {
    if (wecomUserId == null || wecomUserId.isBlank()) {
      return List.of();
    }
    return members.findActiveByWecomUserId(wecomUserId);
  }

  /** The areas assigned to the member's team, in plan order. */
  public List<Area> areasFor(Member member) {
    return areas.findByTeamIdOrderBySortOrder(member.getTeamId());
  }

  /** The villages of the areas assigned to the member's team, in plan order. */
  public List<VillageChoice> villagesFor(Member member) {
    Map<Long, Area> teamAreas = areas.findByTeamIdOrderBySortOrder(member.getTeamId()).stream()
        .collect(Collectors.toMap(Area::getId, Function.identity()));
    if (teamAreas.isEmpty()) {
      return List.of();
    }
    return villages.findByAreaIdInOrderByAreaIdAscSortOrderAsc(teamAreas.keySet()).stream()
        .sorted(Comparator.comparingInt((Village v) -> teamAreas.get(v.getAreaId()).getSortOrder())
            .thenComparingInt(Village::getSortOrder))
        .map(v -> new VillageChoice(v.getId(), v.getAreaId(), teamAreas.get(v.getAreaId()).getName() + " " + v.getName()))
        .toList();
  }

  /** True when the village lies in an area of the member's team. */
  public boolean mayInspect(Member member, long villageId) {
    return villagesFor(member).stream().anyMatch(v -> v.villageId() == villageId);
  }
}
