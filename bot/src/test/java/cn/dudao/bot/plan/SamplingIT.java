package cn.dudao.bot.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dudao.bot.plan.excel.PlanSheet;
import cn.dudao.bot.sampling.HouseholdAssignment;
import cn.dudao.bot.sampling.HouseholdAssignmentRepository;
import cn.dudao.bot.sampling.HouseholdSampler;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/** Household sampling: quotas per category, never twice in a round, spread over inspectors, shown in chat. */
class SamplingIT extends PlanContext {

  @Autowired
  HouseholdSampler sampler;
  @Autowired
  HouseholdAssignmentRepository assignments;
  @Autowired
  HouseholdRepository households;
  @Autowired
  VillageRepository villages;
  @Autowired
  AreaRepository areas;
  @Autowired
  MemberRepository members;
  @Autowired
  Actors actors;

  Plan plan;
  String tag;
  Village village;

  @BeforeEach
  void setUp() {
    plan = newPlan("第一组", "第二组");
    tag = plan.getCode().substring(3);
    importOk(plan.getId(), PlanSheet.VILLAGES, List.of(List.of("第一组", "甲镇", "", "甲一村"),
        List.of("第一组", "甲镇", "", "甲二村"), List.of("第二组", "乙镇", "", "乙一村")));
    importOk(plan.getId(), PlanSheet.ROSTER, List.of(
        List.of("第一组", "组长甲", "组长", "", "lead-" + tag), List.of("第一组", "组员甲", "组员", "", "m1-" + tag),
        List.of("第一组", "组员乙", "组员", "", "m2-" + tag), List.of("第一组", "组员丙", "组员", "", "m3-" + tag),
        List.of("第二组", "组长乙", "组长", "", "lead2-" + tag)));
    List<List<Object>> rows = new ArrayList<>();
    add(rows, "甲一村", "一般脱贫户", 10);
    add(rows, "甲一村", "脱贫不稳定户", 5);
    add(rows, "甲一村", "边缘易致贫户", 2);
    add(rows, "甲一村", "一般农户", 6);
    add(rows, "甲二村", "一般脱贫户", 1);
    importOk(plan.getId(), PlanSheet.HOUSEHOLDS, rows);
    village = villages.findByAreaIdOrderBySortOrder(areas.findByPlanIdOrderBySortOrder(plan.getId()).get(0).getId())
        .get(0);
  }

  @Test
  void quotasPerCategoryWithShortfallSpreadEvenlyOverTheTeamsInspectors() {
    HouseholdSampler.Result result = sampler.sampleVillage(actors.forWecomUser("lead-" + tag), village.getId(),
        quotas(3, 2, 1, 1, 0), new Random(42));

    Map<Long, Household> byId = households.findByVillageIdOrderBySortOrderAscIdAsc(village.getId()).stream()
        .collect(Collectors.toMap(Household::getId, Function.identity()));
    Map<HouseholdCategory, Long> perCategory = result.assigned().stream()
        .collect(Collectors.groupingBy(a -> byId.get(a.getHouseholdId()).getCategory(), Collectors.counting()));
    assertThat(perCategory).containsExactlyInAnyOrderEntriesOf(Map.of(HouseholdCategory.STABLE_LIFTED, 3L,
        HouseholdCategory.UNSTABLE_LIFTED, 2L, HouseholdCategory.MARGINAL, 1L));
    assertThat(result.shortfall()).containsExactlyEntriesOf(Map.of(HouseholdCategory.SUDDEN_HARDSHIP, 1));
    // Six households over three 组员 (the leader does not visit while the team has members): two each.
    Map<Long, Long> perInspector = result.assigned().stream()
        .collect(Collectors.groupingBy(HouseholdAssignment::getMemberId, Collectors.counting()));
    assertThat(perInspector.values()).containsExactly(2L, 2L, 2L);
    assertThat(perInspector.keySet()).containsExactlyInAnyOrderElementsOf(memberIds("m1-", "m2-", "m3-"));
  }

  @Test
  void theSameSeedDrawsTheSameHouseholdsAndNoHouseholdIsDrawnTwiceInARound() {
    Actor leader = actors.forWecomUser("lead-" + tag);
    List<Long> first = ids(sampler.sampleVillage(leader, village.getId(), quotas(4, 0, 0, 0, 0), new Random(7)));
    Set<Long> seen = new HashSet<>(first);
    int rounds = 0;
    HouseholdSampler.Result next;
    do {
      next = sampler.sampleVillage(leader, village.getId(), quotas(4, 0, 0, 0, 0), new Random(7));
      for (Long id : ids(next)) {
        assertThat(seen.add(id)).as("household " + id + " drawn twice").isTrue();
      }
      rounds++;
    } while (!next.assigned().isEmpty());
    assertThat(seen).hasSize(10);
    assertThat(rounds).isEqualTo(3);
    assertThat(next.shortfall()).containsEntry(HouseholdCategory.STABLE_LIFTED, 4);
    // The database refuses a second assignment of the same household in the round, whoever tries.
    HouseholdAssignment any = assignments.findByVillageIdOrderByIdAsc(village.getId()).get(0);
    assertThatThrownBy(() -> assignments.saveAndFlush(copyOf(any))).isInstanceOf(DataIntegrityViolationException.class);

    // Another plan with the same households and the same seed draws the same first four.
    Plan twin = newPlan("第一组");
    String twinTag = twin.getCode().substring(3);
    importOk(twin.getId(), PlanSheet.VILLAGES, List.of(List.of("第一组", "甲镇", "", "甲一村")));
    importOk(twin.getId(), PlanSheet.ROSTER, List.of(List.of("第一组", "组员", "组员", "", "twin-" + twinTag)));
    List<List<Object>> rows = new ArrayList<>();
    add(rows, "甲一村", "一般脱贫户", 10);
    importOk(twin.getId(), PlanSheet.HOUSEHOLDS, rows);
    Village twinVillage = villages.findByAreaIdOrderBySortOrder(areas.findByPlanIdOrderBySortOrder(twin.getId()).get(0)
        .getId()).get(0);
    List<Long> twinFirst = ids(sampler.sampleVillage(ADMIN, twinVillage.getId(), quotas(4, 0, 0, 0, 0), new Random(7)));
    assertThat(names(twinFirst)).isEqualTo(names(first));
  }

  @Test
  void onlyTheTeamsLeaderOrTheCountyOfficeSamplesAndRefusalsAreOnRecord() {
    Actor inspector = actors.forWecomUser("m1-" + tag);
    Actor otherLeader = actors.forWecomUser("lead2-" + tag);
    assertThatThrownBy(() -> sampler.sampleVillage(inspector, village.getId(), quotas(1, 0, 0, 0, 0), new Random(1)))
        .isInstanceOf(Access.Refused.class);
    assertThatThrownBy(() -> sampler.sampleVillage(otherLeader, village.getId(), quotas(1, 0, 0, 0, 0), new Random(1)))
        .isInstanceOf(Access.Refused.class);
    assertThat(assignments.findByPlanIdOrderByVillageIdAscIdAsc(plan.getId())).isEmpty();
    assertThat(denialsOf(inspector.id())).singleElement().satisfies(e -> assertThat(e.getAction()).isEqualTo("work team"));
    assertThat(denialsOf(otherLeader.id())).singleElement().satisfies(e -> assertThat(e.getAction()).isEqualTo("work team"));
    List<HouseholdSampler.Result> team = sampler.sampleTeam(ADMIN, members.findByPlanIdOrderByTeamIdAscSortOrderAsc(
        plan.getId()).get(0).getTeamId(), quotas(1, 1, 0, 0, 1), new Random(3));
    assertThat(team).hasSize(2);
    assertThat(team.get(0).assigned()).hasSize(3);
    assertThat(team.get(1).assigned()).hasSize(1);
  }

  @Test
  void myTasksInChatListsTheInspectorsHouseholdsAndVillages() {
    sampler.sampleVillage(ADMIN, village.getId(), quotas(3, 0, 0, 0, 0), new Random(5));
    List<String> reply = chat("m1-" + tag, "我的任务");
    assertThat(reply).hasSize(1);
    String text = reply.get(0);
    assertThat(text).contains("【我的任务】组员甲 · 第一组 组员").contains(plan.getName())
        .contains("入户走访（共 1 户，已走访 0 户）").contains("甲镇 甲一村 · 一般脱贫户户主")
        .contains("村级核查（本组共 2 个村，已完成 0 个）").contains("· 甲镇 甲二村").doesNotContain("乙镇");
    assertThat(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(2048);
    List<String> leader = chat("lead-" + tag, "我的任务");
    assertThat(leader.get(0)).contains("暂未分配入户走访任务");
    // The household visit offers exactly his sampled household (and 新增农户 for one not on the list).
    String household = text.substring(text.indexOf("甲镇 甲一村 · "), text.indexOf("人）") + 2);
    String visit = String.join("\n", chat("m1-" + tag, "入户走访"));
    assertThat(visit).contains(household).contains("新增农户");
    assertThat(visit.split("甲镇 甲一村 · ", -1)).hasSize(2);
  }

  private static void add(List<List<Object>> rows, String village, String category, int n) {
    for (int i = 0; i < n; i++) {
      rows.add(List.of("甲镇", village, category + "户主" + i, String.format("1424**********%04d", rows.size()),
          category, 3));
    }
  }

  private static Map<HouseholdCategory, Integer> quotas(int stable, int unstable, int marginal, int sudden, int ordinary) {
    Map<HouseholdCategory, Integer> q = new EnumMap<>(HouseholdCategory.class);
    q.put(HouseholdCategory.STABLE_LIFTED, stable);
    q.put(HouseholdCategory.UNSTABLE_LIFTED, unstable);
    q.put(HouseholdCategory.MARGINAL, marginal);
    q.put(HouseholdCategory.SUDDEN_HARDSHIP, sudden);
    q.put(HouseholdCategory.ORDINARY, ordinary);
    return q;
  }

  private List<Long> memberIds(String... prefixes) {
    List<Long> ids = new ArrayList<>();
    for (String p : prefixes) {
      ids.add(members.findByPlanIdOrderByTeamIdAscSortOrderAsc(plan.getId()).stream()
          .filter(m -> (p + tag).equals(m.getWecomUserId())).findFirst().orElseThrow().getId());
    }
    return ids;
  }

  private static List<Long> ids(HouseholdSampler.Result result) {
    return result.assigned().stream().map(HouseholdAssignment::getHouseholdId).toList();
  }

  private List<String> names(List<Long> householdIds) {
    return householdIds.stream().map(id -> households.findById(id).orElseThrow().getHeadName()).toList();
  }

  private static HouseholdAssignment copyOf(HouseholdAssignment a) {
    try {
      var ctor = HouseholdAssignment.class.getDeclaredConstructor(Long.class, Long.class, Long.class, Long.class,
          java.time.Instant.class);
      ctor.setAccessible(true);
      return ctor.newInstance(a.getPlanId(), a.getVillageId(), a.getHouseholdId(), a.getMemberId(), a.getAssignedAt());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
