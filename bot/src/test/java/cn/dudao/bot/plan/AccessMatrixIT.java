package cn.dudao.bot.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.bot.audit.AuditEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The authorization matrix on the seeded Youyu plan: each role (resolved from real roster and contact
 * rows) against own and other team's (or unit's) objects of every type, VIEW / WORK / ADMIN, and an
 * object of another plan. Every refusal must be on record in the audit trail.
 */
class AccessMatrixIT extends PlanContext {

  @Autowired
  Access access;
  @Autowired
  Actors actors;
  @Autowired
  Targets targets;
  @Autowired
  MemberRepository members;
  @Autowired
  TeamRepository teams;
  @Autowired
  AreaRepository areas;
  @Autowired
  VillageRepository villages;
  @Autowired
  HouseholdRepository households;
  @Autowired
  ResponsibleUnitRepository units;

  /** Expected rights per target, one code per role: V (view), W (work), A (admin) or - for refused. */
  private static final List<String> ROLES = List.of("COUNTY_OFFICE", "TEAM_LEADER", "INSPECTOR", "UNIT_CONTACT",
      "VIEWER", "UNKNOWN");
  private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

  static {
    //                                 county  leader  inspector unit   viewer  unknown
    EXPECTED.put("team.own",           List.of("VWA", "VW-", "---", "---", "V--", "---"));
    EXPECTED.put("team.other",         List.of("VWA", "---", "---", "---", "V--", "---"));
    EXPECTED.put("area.own",           List.of("VWA", "VW-", "VW-", "---", "V--", "---"));
    EXPECTED.put("area.other",         List.of("VWA", "---", "---", "---", "V--", "---"));
    EXPECTED.put("village.own",        List.of("VWA", "VW-", "VW-", "---", "V--", "---"));
    EXPECTED.put("village.other",      List.of("VWA", "---", "---", "---", "V--", "---"));
    EXPECTED.put("household.own",      List.of("VWA", "VW-", "VW-", "---", "V--", "---"));
    EXPECTED.put("household.other",    List.of("VWA", "---", "---", "---", "V--", "---"));
    EXPECTED.put("inspection.own",     List.of("VWA", "VW-", "VW-", "---", "V--", "---"));
    EXPECTED.put("inspection.mate",    List.of("VWA", "VW-", "---", "---", "V--", "---"));
    EXPECTED.put("inspection.other",   List.of("VWA", "---", "---", "---", "V--", "---"));
    EXPECTED.put("problem.own",        List.of("VWA", "VW-", "VW-", "VW-", "V--", "---"));
    EXPECTED.put("problem.mate",       List.of("VWA", "VW-", "---", "---", "V--", "---"));
    EXPECTED.put("problem.other",      List.of("VWA", "---", "---", "---", "V--", "---"));
    EXPECTED.put("unit.own",           List.of("VWA", "---", "---", "VW-", "V--", "---"));
    EXPECTED.put("unit.other",         List.of("VWA", "---", "---", "---", "V--", "---"));
    EXPECTED.put("plan",               List.of("VWA", "V--", "V--", "V--", "V--", "---"));
    EXPECTED.put("plan.data",          List.of("VWA", "---", "---", "---", "V--", "---"));
    EXPECTED.put("otherplan.village",  List.of("---", "---", "---", "---", "V--", "---"));
    EXPECTED.put("otherplan.plan",     List.of("---", "---", "---", "---", "V--", "---"));
  }

  @Test
  void eachRoleAgainstOwnAndOtherObjectsOfEveryTypeWithEveryRefusalOnRecord() {
    Plan youyu = planRepository.findByCode("youyu-2021").orElseThrow();
    long plan = youyu.getId();
    Map<String, Actor> actorsByRole = new LinkedHashMap<>();
    actorsByRole.put("COUNTY_OFFICE", actors.forWecomUser("xczxj-lly"));
    actorsByRole.put("TEAM_LEADER", actors.forWecomUser("tanjinhua"));
    actorsByRole.put("INSPECTOR", actors.forWecomUser("lvliping"));
    actorsByRole.put("UNIT_CONTACT", actors.forWecomUser("slj-lly"));
    actorsByRole.put("VIEWER", actors.forConsole("it-matrix-viewer", List.of(Actors.VIEWER), null, null));
    actorsByRole.put("UNKNOWN", actors.forWecomUser("zhangsan-matrix"));
    actorsByRole.forEach((role, actor) -> assertThat(actor.role().name()).as(actor.id()).isEqualTo(role));

    Member lv = member(plan, "lvliping");
    Member dai = member(plan, "daiyong");
    Member wang = member(plan, "wangcheng");
    long team1 = lv.getTeamId();
    long team2 = wang.getTeamId();
    Area youwei = area(plan, "右卫镇");
    Area xincheng = area(plan, "新城镇");
    Village v1 = villages.findByAreaIdOrderBySortOrder(youwei.getId()).get(0);
    Village v2 = villages.findByAreaIdOrderBySortOrder(xincheng.getId()).get(0);
    long water = units.findByPlanIdAndName(plan, "县水利局").orElseThrow().getId();
    long housing = units.findByPlanIdAndName(plan, "县住建局").orElseThrow().getId();
    Plan other = newPlan("第一组");
    importOk(other.getId(), cn.dudao.bot.plan.excel.PlanSheet.VILLAGES, List.of(List.of("第一组", "外县镇", "", "外县村")));
    long otherVillage = villages.findByAreaIdOrderBySortOrder(area(other.getId(), "外县镇").getId()).get(0).getId();

    Map<String, Target> t = new LinkedHashMap<>();
    t.put("team.own", targets.team(team1));
    t.put("team.other", targets.team(team2));
    t.put("area.own", targets.area(youwei.getId()));
    t.put("area.other", targets.area(xincheng.getId()));
    t.put("village.own", targets.village(v1.getId()));
    t.put("village.other", targets.village(v2.getId()));
    t.put("household.own", targets.household(households.findByVillageIdOrderBySortOrderAscIdAsc(v1.getId()).get(0).getId()));
    t.put("household.other", targets.household(households.findByVillageIdOrderBySortOrderAscIdAsc(v2.getId()).get(0).getId()));
    t.put("inspection.own", Target.inspection(plan, 9001, team1, lv.getId()));
    t.put("inspection.mate", Target.inspection(plan, 9002, team1, dai.getId()));
    t.put("inspection.other", Target.inspection(plan, 9003, team2, wang.getId()));
    t.put("problem.own", Target.problem(plan, 9101, team1, water, lv.getId()));
    t.put("problem.mate", Target.problem(plan, 9102, team1, housing, dai.getId()));
    t.put("problem.other", Target.problem(plan, 9103, team2, housing, wang.getId()));
    t.put("unit.own", targets.unit(water));
    t.put("unit.other", targets.unit(housing));
    t.put("plan", Target.plan(plan));
    t.put("plan.data", Target.planData(plan));
    t.put("otherplan.village", targets.village(otherVillage));
    t.put("otherplan.plan", Target.plan(other.getId()));
    assertThat(t.keySet()).containsExactlyElementsOf(EXPECTED.keySet());

    long since = audit.findTop200ByOrderByIdDesc().stream().mapToLong(AuditEvent::getId).max().orElse(0);
    Map<String, List<String>> expectedDenials = new LinkedHashMap<>();
    SoftAssertions soft = new SoftAssertions();
    for (var entry : t.entrySet()) {
      for (int r = 0; r < ROLES.size(); r++) {
        Actor actor = actorsByRole.get(ROLES.get(r));
        String expected = EXPECTED.get(entry.getKey()).get(r);
        String actual = "" + (access.permits(actor, Access.Action.VIEW, entry.getValue()) ? 'V' : '-')
            + (access.permits(actor, Access.Action.WORK, entry.getValue()) ? 'W' : '-')
            + (access.permits(actor, Access.Action.ADMIN, entry.getValue()) ? 'A' : '-');
        soft.assertThat(actual).as(ROLES.get(r) + " on " + entry.getKey()).isEqualTo(expected);
        String[] actions = {"view", "work", "admin"};
        for (int a = 0; a < 3; a++) {
          if (expected.charAt(a) == '-') {
            expectedDenials.computeIfAbsent(actor.id(), k -> new ArrayList<>())
                .add(actions[a] + " " + entry.getValue().kind().name().toLowerCase() + " " + entry.getValue().label());
          }
        }
      }
    }
    soft.assertAll();

    // Every refusal above is in the audit trail, once, with who, what, on what and why.
    for (Actor actor : actorsByRole.values()) {
      List<AuditEvent> denials = audit.findByActorOrderByIdAsc(actor.id()).stream()
          .filter(e -> e.getId() > since && e.getOutcome().equals("DENIED")).toList();
      assertThat(denials).as(actor.id())
          .extracting(e -> e.getAction() + " " + e.getTarget())
          .containsExactlyElementsOf(expectedDenials.getOrDefault(actor.id(), List.of()));
      assertThat(denials).allSatisfy(e -> {
        assertThat(e.getDetail()).isNotBlank();
        assertThat(e.getOccurredAt()).isNotNull();
      });
    }
  }

  @Test
  void theBotRefusesPeopleOffTheRosterOnRecordAndGreetsUnitContacts() {
    List<String> refused = chat("zhangsan-bot", "开始");
    assertThat(refused).singleElement().asString().contains("不在本轮督导工作人员名单中");
    assertThat(denialsOf(Actor.wecom("zhangsan-bot"))).singleElement().satisfies(e -> {
      assertThat(e.getAction()).isEqualTo("work bot");
      assertThat(e.getTarget()).isEqualTo("bot:0");
    });
    List<String> contact = chat("zjj-lly", "开始");
    assertThat(contact).singleElement().asString().contains("住建局联络员").contains("整改");
    assertThat(denialsOf(Actor.wecom("zjj-lly"))).isEmpty();
  }

  @Test
  void scopesForListQueries() {
    long plan = planRepository.findByCode("youyu-2021").orElseThrow().getId();
    Member lv = member(plan, "lvliping");
    Member wang = member(plan, "wangcheng");
    Access.Scope inspector = access.scope(actors.forWecomUser("lvliping"), plan);
    assertThat(inspector.coversPlace(lv.getTeamId())).isTrue();
    assertThat(inspector.coversPlace(wang.getTeamId())).isFalse();
    assertThat(inspector.coversWork(lv.getTeamId(), lv.getId())).isTrue();
    assertThat(inspector.coversWork(lv.getTeamId(), member(plan, "daiyong").getId())).isFalse();
    Access.Scope leader = access.scope(actors.forWecomUser("hanzhiqiang"), plan);
    assertThat(leader.coversWork(wang.getTeamId(), wang.getId())).isTrue();
    assertThat(leader.coversWork(lv.getTeamId(), lv.getId())).isFalse();
    Access.Scope unit = access.scope(actors.forWecomUser("slj-lly"), plan);
    assertThat(unit.coversUnit(units.findByPlanIdAndName(plan, "县水利局").orElseThrow().getId())).isTrue();
    assertThat(unit.coversUnit(units.findByPlanIdAndName(plan, "县住建局").orElseThrow().getId())).isFalse();
    assertThat(unit.coversPlace(lv.getTeamId())).isFalse();
    assertThat(access.scope(actors.forWecomUser("xczxj-lly"), plan).everything()).isTrue();
    assertThat(access.scope(actors.forWecomUser("nobody-at-all"), plan)).isEqualTo(Access.Scope.NOTHING);
  }

  private Member member(long plan, String userId) {
    return members.findByPlanIdOrderByTeamIdAscSortOrderAsc(plan).stream()
        .filter(m -> userId.equals(m.getWecomUserId())).findFirst().orElseThrow();
  }

  private Area area(long plan, String name) {
    return areas.findByPlanIdOrderBySortOrder(plan).stream().filter(a -> a.getName().equals(name)).findFirst()
        .orElseThrow();
  }
}
