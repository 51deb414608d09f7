package cn.dudao.admin.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dudao.admin.testsupport.SeededConsole;
import cn.dudao.admin.testsupport.SeededConsoleIT;
import cn.dudao.bot.inspection.Finding;
import cn.dudao.bot.inspection.FindingRepository;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The problem list's filters, the detail page with photos and history, scopes per role, the dashboard's figures. */
class ProblemListIT extends SeededConsoleIT {

  private static final RequestPostProcessor ADMIN = user("admin").roles("COUNTY_ADMIN");
  private static final Pattern TOTAL = Pattern.compile("id=\"total\">(\\d+)<");
  private static final Pattern ROW_ID = Pattern.compile("<tr data-id=\"(\\d+)\"");

  @Autowired
  MockMvc mvc;
  @Autowired
  FindingRepository findings;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  cn.dudao.bot.problem.ProblemRepository problems;

  @Test
  void everyFilterNarrowsTheList() throws Exception {
    assertThat(total(ADMIN, "")).isEqualTo(4);
    assertThat(total(ADMIN, "category=自查项目")).isEqualTo(2);
    assertThat(total(ADMIN, "category=责任落实")).isEqualTo(1);
    assertThat(total(ADMIN, "category=巩固成果")).isZero();
    assertThat(total(ADMIN, "team=" + teamOf("wangcheng"))).isEqualTo(1);
    assertThat(total(ADMIN, "area=" + seeded.areaCheck.getAreaId())).isEqualTo(3);
    assertThat(total(ADMIN, "village=" + seeded.villageCheck.getVillageId())).isEqualTo(1);
    assertThat(total(ADMIN, "indicator=monitoring_assistance")).isEqualTo(1);
    assertThat(total(ADMIN, "inspector=" + members.findActiveByWecomUserId("wangcheng").get(0).getId())).isEqualTo(1);
    assertThat(total(ADMIN, "category=政策落实&area=" + seeded.areaCheck.getAreaId())).isEqualTo(1);
    String page = list(ADMIN, "indicator=drinking_water");
    assertThat(page).contains(SeededConsole.WATER_NOTE).doesNotContain(SeededConsole.MONITORING_NOTE)
        .contains("/exports/problems.xlsx?indicator=drinking_water");
  }

  @Test
  void theDetailShowsThePhotosTheSignOffAndTheHistoryWithTheChangedAnswer() throws Exception {
    Finding monitoring = finding(SeededConsole.MONITORING_NOTE);
    String page = mvc.perform(get("/problems/{id}", problemOf(monitoring)).with(ADMIN)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("防止返贫动态监测帮扶情况").contains("责任落实").contains(SeededConsole.MONITORING_NOTE)
        .contains("吕利平 于 ");
    assertThat(Pattern.compile("<img src=\"/evidence/\\d+/thumb\"").matcher(page).results().count())
        .isEqualTo(2);

    Finding changed = finding(SeededConsole.TEAM2_NOTE);
    String history = mvc.perform(get("/problems/{id}", problemOf(changed)).with(ADMIN)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    String table = history.substring(history.indexOf("id=\"history\""));
    assertThat(table).containsSubsequence("王成", "安全饮水", "达标", "已修改（被后一条取代）",
        "王成", "安全饮水", "不达标", "有效", "情况说明", SeededConsole.TEAM2_NOTE, "有效");
  }

  @Test
  void aTeamLeaderSeesHisTeamsWorkOnly() throws Exception {
    RequestPostProcessor leader2 = user("leader2").roles("TEAM_LEADER");
    assertThat(total(leader2, "")).isEqualTo(1);
    assertThat(list(leader2, "")).contains(SeededConsole.TEAM2_NOTE).doesNotContain(SeededConsole.EDUCATION_NOTE);
    mvc.perform(get("/problems/{id}", problemOf(finding(SeededConsole.EDUCATION_NOTE))).with(leader2))
        .andExpect(status().isNotFound());
    assertThat(total(user("leader1").roles("TEAM_LEADER"), "")).isEqualTo(3);
    assertThat(total(user("viewer").roles("VIEWER"), "")).isEqualTo(4);
  }

  @Test
  void aUnitContactSeesExactlyTheProblemsAssignedToHisUnit() throws Exception {
    long water = seeded.unitId(units, SeededConsole.WATER_BUREAU);
    List<Long> waters = problemIds("unit_id = ?", water);
    List<Long> others = problemIds("(unit_id IS NULL OR unit_id <> ?)", water);
    assertThat(waters).isNotEmpty();
    assertThat(others).isNotEmpty();
    List<Long> seen = ids(user("unit1").roles("UNIT_CONTACT"), "");
    assertThat(seen).containsExactlyInAnyOrderElementsOf(waters).doesNotContainAnyElementsOf(others);
    mvc.perform(get("/problems/{id}", others.get(0)).with(user("unit1").roles("UNIT_CONTACT")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/problems/{id}", waters.get(0)).with(user("unit1").roles("UNIT_CONTACT")))
        .andExpect(status().isOk());
  }

  /** The seeded plan's unmerged problems matching {@code condition}, straight from the problems table. */
  private List<Long> problemIds(String condition, Object parameter) {
    return jdbc.queryForList("SELECT id FROM problems WHERE plan_id = ? AND merged_into_id IS NULL AND " + condition
        + " ORDER BY id", Long.class, seeded.villageCheck.getPlanId(), parameter);
  }

  @Test
  void theDashboardCountsSignedChecksAndFindingsWithinTheScope() throws Exception {
    String page = mvc.perform(get("/").with(ADMIN)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(value(page, "areasDone")).isEqualTo("1");
    assertThat(value(page, "areasTotal")).isEqualTo("9");
    assertThat(value(page, "villagesDone")).isEqualTo("2");
    assertThat(value(page, "villagesTotal")).isEqualTo("18");
    assertThat(value(page, "villagePercent")).isEqualTo("11%");
    assertThat(value(page, "findingsTotal")).isEqualTo("4");
    assertThat(page).contains("/webjars/echarts/dist/echarts.min.js").contains("data-village=\"右卫示例一村\"");
    mvc.perform(get("/webjars/echarts/dist/echarts.min.js").with(ADMIN)).andExpect(status().isOk());

    String leader = mvc.perform(get("/").with(user("leader2").roles("TEAM_LEADER"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(value(leader, "villagesDone")).isEqualTo("1");
    assertThat(value(leader, "villagesTotal")).isEqualTo("8");
    assertThat(value(leader, "findingsTotal")).isEqualTo("1");
    assertThat(leader).doesNotContain("右卫镇");
  }

  @Test
  void loginsFailedLoginsAndLogoutsAreOnTheAuditTrail() throws Exception {
    mvc.perform(formLogin().user("viewer").password("wrong")).andExpect(unauthenticated());
    MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("viewer").password(SeededConsole.PASSWORD))
        .andExpect(authenticated()).andReturn().getRequest().getSession(false);
    mvc.perform(post("/logout").session(session).with(csrf())).andExpect(status().is3xxRedirection());
    List<String> trail = jdbc.queryForList("SELECT action, outcome, detail FROM audit_events WHERE actor = 'viewer'"
        + " AND action IN ('console.login', 'console.logout') ORDER BY id").stream()
        .map(r -> r.get("action") + " " + r.get("outcome") + " " + r.get("detail")).toList();
    assertThat(trail).containsSubsequence("console.login DENIED 用户名或密码错误", "console.login ALLOWED null",
        "console.logout APPLIED null");
    String page = mvc.perform(get("/audit").with(ADMIN)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("登录控制台").contains("退出控制台").contains("拒绝");
  }

  private Finding finding(String description) {
    return findings.findByPlanIdOrderByIdAsc(seeded.villageCheck.getPlanId()).stream()
        .filter(f -> f.getDescription().equals(description)).findFirst().orElseThrow();
  }

  /** The problem made from a finding (issue 6): the list's rows are problems, numbered by their own ids. */
  private long problemOf(Finding finding) {
    return problems.findByFindingId(finding.getId()).orElseThrow().getId();
  }

  private long teamOf(String user) {
    return members.findActiveByWecomUserId(user).get(0).getTeamId();
  }

  private String list(RequestPostProcessor who, String query) throws Exception {
    return mvc.perform(get("/problems?" + query).with(who)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
  }

  private List<Long> ids(RequestPostProcessor who, String query) throws Exception {
    String page = list(who, query);
    List<Long> ids = ROW_ID.matcher(page).results().map(r -> Long.parseLong(r.group(1))).toList();
    assertThat(ids).hasSize(total(who, query));
    return ids;
  }

  private int total(RequestPostProcessor who, String query) throws Exception {
    Matcher m = TOTAL.matcher(list(who, query));
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static String value(String page, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
    assertThat(m.find()).as(id).isTrue();
    return m.group(1);
  }
}
