package cn.dudao.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dudao.admin.testsupport.SeededConsoleIT;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.PlanRepository;
import cn.dudao.bot.plan.Plans;
import cn.dudao.bot.plan.TeamRepository;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Console accounts bound to one plan (a team leader, a unit contact, the county office's own unit's
 * contact) see their own plan and nothing of another: asking for a second plan's pages, or for one of
 * its problems, areas or villages by id, is answered as if it did not exist. Console admins and viewers
 * see both plans. A context of its own: the second plan is the newest active one, which would become
 * the default plan of the other console tests.
 */
@TestPropertySource(properties = "dudao.test.context=plan-bound-scope")
class PlanBoundScopeIT extends SeededConsoleIT {

  private static final String SECOND_PLAN = "右玉县第二轮专项督导";
  private static final String SECOND_WORDING = "第二轮方案的问题：村内道路破损未修复";
  private static final RequestPostProcessor ADMIN = user("admin").roles("COUNTY_ADMIN");
  private static final RequestPostProcessor VIEWER = user("viewer").roles("VIEWER");
  private static final RequestPostProcessor LEADER = user("leader1").roles("TEAM_LEADER");
  private static final RequestPostProcessor UNIT = user("unit1").roles("UNIT_CONTACT");
  private static final RequestPostProcessor OFFICE = user("office-contact").roles("UNIT_CONTACT");

  @Autowired
  MockMvc mvc;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Plans planService;
  @Autowired
  PlanRepository plans;
  @Autowired
  TeamRepository teams;

  private Plan first;
  private long second;
  private long secondArea;
  private long secondVillage;
  private long secondProblem;

  @BeforeAll
  void secondPlan() {
    first = plans.findById(seeded.villageCheck.getPlanId()).orElseThrow();
    second = planService.create(Actor.countyOffice("console:it", "it"), new Plans.NewPlan("it-second", SECOND_PLAN,
        "右玉县", 2027, LocalDate.of(2027, 10, 20), LocalDate.of(2027, 10, 30), 7, LocalDate.of(2027, 11, 10),
        new BigDecimal("7000"), 15, List.of("第一组"))).getId();
    long team = teams.findByPlanIdOrderByNumber(second).get(0).getId();
    secondArea = insert("areas", Map.of("plan_id", second, "team_id", team, "name", "甲镇", "kind", "TOWNSHIP",
        "sort_order", 1));
    secondVillage = insert("villages", Map.of("area_id", secondArea, "name", "甲一村", "sort_order", 1));
    long unit = insert("units", Map.of("plan_id", second, "name", "县交通局", "kind", "DEPARTMENT", "sort_order", 1));
    long member = insert("members", Map.of("plan_id", second, "team_id", team, "name", "赵一", "role", "LEADER",
        "wecom_user_id", "second-plan-leader", "sort_order", 1));
    Map<String, Object> problem = new HashMap<>();
    problem.put("plan_id", second);
    problem.put("indicator", "道路");
    problem.put("wording", SECOND_WORDING);
    problem.put("area_id", secondArea);
    problem.put("village_id", secondVillage);
    problem.put("evidence_ids", "");
    problem.put("member_id", member);
    problem.put("inspector_name", "赵一");
    problem.put("team_id", team);
    problem.put("unit_id", unit);
    problem.put("status", "ASSIGNED");
    problem.put("deadline", java.sql.Date.valueOf(LocalDate.of(2027, 11, 20)));
    problem.put("created_at", Timestamp.from(Instant.now()));
    problem.put("updated_at", Timestamp.from(Instant.now()));
    secondProblem = insert("problems", problem);
    long office = seeded.unitId(units, "县乡村振兴局");
    users.save(new ConsoleUser("office-contact", "{noop}unused", "牵头单位联系人", ConsoleUser.Role.UNIT_CONTACT, null,
        office, Instant.now()));
  }

  @Test
  void planBoundAccountsGetNoPageOfAnotherPlan() throws Exception {
    SoftAssertions softly = new SoftAssertions();
    for (RequestPostProcessor who : List.of(LEADER, UNIT, OFFICE)) {
      expect(softly, "/?plan=" + second, who, 404);
      expect(softly, "/problems?plan=" + second, who, 404);
      expect(softly, "/problems/" + secondProblem, who, 404);
      expect(softly, "/exports/problems.xlsx?plan=" + second, who, 404);
      expect(softly, "/reminders?plan=" + second, who, 404);
    }
    expect(softly, "/report?plan=" + second, LEADER, 404);
    expect(softly, "/report/report.docx?plan=" + second, LEADER, 404);
    expect(softly, "/exports?plan=" + second, LEADER, 404);
    expect(softly, "/exports/areas/" + secondArea + "/indicators.xlsx", LEADER, 404);
    expect(softly, "/exports/villages/" + secondVillage + "/self-check.xlsx", LEADER, 404);
    softly.assertAll();
  }

  @Test
  void planBoundAccountsAreShownTheirOwnPlanAndChooseNoOther() throws Exception {
    for (RequestPostProcessor who : List.of(LEADER, UNIT, OFFICE)) {
      String dashboard = page("/", who);
      assertThat(dashboard).contains(first.getName()).doesNotContain(SECOND_PLAN);
      assertThat(page("/problems", who)).contains(first.getName()).doesNotContain(SECOND_WORDING);
    }
    // The county office's own unit's contact sees everything of his plan, still.
    assertThat(page("/problems?plan=" + first.getId(), OFFICE))
        .contains("data-id=\"" + firstProblem() + "\"");
  }

  @Test
  void consoleAdminsAndViewersSeeBothPlans() throws Exception {
    for (RequestPostProcessor who : List.of(ADMIN, VIEWER)) {
      assertThat(page("/", who)).contains(SECOND_PLAN).contains(first.getName());
      assertThat(page("/?plan=" + first.getId(), who)).contains(first.getName());
      assertThat(page("/problems?plan=" + second, who))
          .contains("data-id=\"" + secondProblem + "\"");
      assertThat(page("/problems?plan=" + first.getId(), who))
          .contains("data-id=\"" + firstProblem() + "\"");
      assertThat(page("/problems/" + secondProblem, who)).contains(SECOND_WORDING);
      expect(null, "/exports/problems.xlsx?plan=" + second, who, 200);
      expect(null, "/report?plan=" + second, who, 200);
      expect(null, "/exports/areas/" + secondArea + "/indicators.xlsx", who, 200);
      expect(null, "/exports/villages/" + secondVillage + "/self-check.xlsx", who, 200);
    }
  }

  private long firstProblem() {
    return jdbc.queryForObject("SELECT MIN(id) FROM problems WHERE plan_id = ?", Long.class, first.getId());
  }

  private String page(String url, RequestPostProcessor who) throws Exception {
    return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  /** Checks the status {@code url} answers {@code who}, softly when {@code softly} is given. */
  private void expect(SoftAssertions softly, String url, RequestPostProcessor who, int expected) throws Exception {
    int actual = mvc.perform(get(url).with(who)).andReturn().getResponse().getStatus();
    if (softly == null) {
      assertThat(actual).as(url).isEqualTo(expected);
    } else {
      softly.assertThat(actual).as(url).isEqualTo(expected);
    }
  }

  private long insert(String table, Map<String, Object> values) {
    return new SimpleJdbcInsert(jdbc).withTableName(table).usingGeneratedKeyColumns("id")
        .usingColumns(values.keySet().toArray(String[]::new)).executeAndReturnKey(values).longValue();
  }
}
