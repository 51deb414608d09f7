package cn.dudao.bot.sampling;

import cn.dudao.bot.audit.AuditEvent;
import cn.dudao.bot.audit.AuditLog;
import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.Area;
import cn.dudao.bot.plan.AreaRepository;
import cn.dudao.bot.plan.Household;
import cn.dudao.bot.plan.HouseholdCategory;
import cn.dudao.bot.plan.HouseholdRepository;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.Targets;
import cn.dudao.bot.plan.Village;
import cn.dudao.bot.plan.VillageRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Samples households for visits: per village, per category, at random (the caller passes the
 * {@link Random}, so tests fix its seed), among the households not yet sampled in the plan's round.
 * Each sampled household goes to the team's inspector with the fewest assignments so far. Sampling is
 * the team leader's or the county office's to do.
 */
@Service
public class HouseholdSampler {

  /** What one village's sampling gave: the assignments made and how far each quota fell short. */
  public record Result(long villageId, List<HouseholdAssignment> assigned, Map<HouseholdCategory, Integer> shortfall) {}

  private final HouseholdRepository households;
  private final VillageRepository villages;
  private final AreaRepository areas;
  private final MemberRepository members;
  private final HouseholdAssignmentRepository assignments;
  private final Access access;
  private final Targets targets;
  private final AuditLog audit;
  private final Clock clock;

  HouseholdSampler(HouseholdRepository households, VillageRepository villages, AreaRepository areas,
                   MemberRepository members, HouseholdAssignmentRepository assignments, Access access,
                   Targets targets, AuditLog audit, Clock clock) {
    this.households = households;
    this.villages = villages;
    this.areas = areas;
    this.members = members;
    this.assignments = assignments;
    this.access = access;
    this.targets = targets;
    this.audit = audit;
    this.clock = clock;
  }

  /** Samples every village of the team's areas with the same quotas. */
  @Transactional
  public List<Result> sampleTeam(Actor actor, long teamId, Map<HouseholdCategory, Integer> quotas, Random random) {
    access.require(actor, Access.Action.WORK, targets.team(teamId));
    List<Result> results = new ArrayList<>();
    for (Area area : areas.findByTeamIdOrderBySortOrder(teamId)) {
      for (Village village : villages.findByAreaIdOrderBySortOrder(area.getId())) {
        results.add(sample(actor, village, area, quotas, random));
      }
    }
    return results;
  }

  /** Samples one village. */
  @Transactional
  public Result sampleVillage(Actor actor, long villageId, Map<HouseholdCategory, Integer> quotas, Random random) {
    Village village = villages.findById(villageId).orElseThrow(() -> new IllegalArgumentException("no village"));
    Area area = areas.findById(village.getAreaId()).orElseThrow();
    if (area.getTeamId() == null) {
      throw new IllegalStateException("该乡镇尚未分配督导组，不能抽取农户");
    }
    access.require(actor, Access.Action.WORK, targets.team(area.getTeamId()));
    return sample(actor, village, area, quotas, random);
  }

  private Result sample(Actor actor, Village village, Area area, Map<HouseholdCategory, Integer> quotas, Random random) {
    List<Member> inspectors = inspectorsOf(area.getTeamId());
    if (inspectors.isEmpty()) {
      throw new IllegalStateException("督导组没有成员，不能分配入户任务");
    }
    Set<Long> taken = new HashSet<>(assignments.assignedHouseholdIds(area.getPlanId()));
    Map<HouseholdCategory, List<Household>> open = new EnumMap<>(HouseholdCategory.class);
    households.findByVillageIdOrderBySortOrderAscIdAsc(village.getId()).stream()
        .filter(h -> !taken.contains(h.getId()))
        .sorted(Comparator.comparingLong(Household::getId))
        .forEach(h -> open.computeIfAbsent(h.getCategory(), c -> new ArrayList<>()).add(h));
    Map<Long, Long> load = new HashMap<>();
    inspectors.forEach(m -> load.put(m.getId(), assignments.countByMemberId(m.getId())));
    List<HouseholdAssignment> made = new ArrayList<>();
    Map<HouseholdCategory, Integer> shortfall = new EnumMap<>(HouseholdCategory.class);
    for (HouseholdCategory category : HouseholdCategory.values()) {
      int quota = Math.max(0, quotas.getOrDefault(category, 0));
      List<Household> pool = open.getOrDefault(category, List.of());
      List<Household> picked = pick(pool, quota, random);
      if (picked.size() < quota) {
        shortfall.put(category, quota - picked.size());
      }
      for (Household h : picked) {
        Member inspector = inspectors.stream().min(Comparator.comparingLong((Member m) -> load.get(m.getId())))
            .orElseThrow();
        load.merge(inspector.getId(), 1L, Long::sum);
        made.add(assignments.save(new HouseholdAssignment(area.getPlanId(), village.getId(), h.getId(),
            inspector.getId(), clock.instant())));
      }
    }
    audit.record(actor.id(), "sample households", "village:" + village.getId() + "@plan:" + area.getPlanId(),
        AuditEvent.Outcome.APPLIED, "抽取 " + made.size() + " 户" + (shortfall.isEmpty() ? "" : "，不足：" + shortfall));
    return new Result(village.getId(), made, shortfall);
  }

  /** The team's members who visit households: its 组员, or everyone when it has none. */
  private List<Member> inspectorsOf(long teamId) {
    List<Member> team = members.findByTeamIdOrderBySortOrderAsc(teamId);
    List<Member> plain = team.stream().filter(m -> m.getRole() == Member.Role.MEMBER).toList();
    return plain.isEmpty() ? team : plain;
  }

  /** A uniform random choice of {@code n} from {@code pool} (partial Fisher–Yates on a copy). */
  static List<Household> pick(List<Household> pool, int n, Random random) {
    List<Household> copy = new ArrayList<>(pool);
    int k = Math.min(n, copy.size());
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(copy.size() - i);
      Household t = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, t);
    }
    return List.copyOf(copy.subList(0, k));
  }
}
