package cn.dudao.admin.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dudao.admin.AdminApplication;
import cn.dudao.admin.exports.ProblemListWorkbook;
import cn.dudao.admin.security.ConsoleUser;
import cn.dudao.admin.security.ConsoleUserRepository;
import cn.dudao.admin.testsupport.SeededConsole;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.outbox.OutboxRecord;
import cn.dudao.bot.outbox.OutboxRepository;
import cn.dudao.bot.plan.Area;
import cn.dudao.bot.plan.AreaRepository;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.PlanRepository;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import cn.dudao.bot.plan.TeamRepository;
import cn.dudao.bot.problem.ProblemRepository;
import cn.dudao.bot.problem.ProblemStatus;
import cn.dudao.bot.testsupport.MutableClock;
import cn.dudao.bot.testsupport.TestServices;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console over the problems table (issues 6 and 8): filters by status, colour (a {@link MutableClock}
 * makes items blue, yellow, red), unit and overdue; unit contacts and team leaders see only their own
 * problems in the list, the detail, the export, and cannot act; every county-office action, alone and
 * in bulk, lands on the problem and in its audit trail. Problems are written straight into the table,
 * each test in areas and units of its own.
 */
@SpringBootTest(classes = AdminApplication.class, properties = "dudao.console.admin-password=" + SeededConsole.PASSWORD)
@AutoConfigureMockMvc
@Import(ProblemConsoleIT.TestBeans.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class ProblemConsoleIT {

  /** Noon in Shanghai on 10 November 2021: "today" for the colours. */
  static final Instant NOON = Instant.parse("2021-11-10T04:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2021, 11, 10);
  static final MutableClock CLOCK = new MutableClock(NOON);
  private static final RequestPostProcessor ADMIN = user("admin").roles("COUNTY_ADMIN");
  private static final Pattern TOTAL = Pattern.compile("id=\"total\">(\\d+)<");
  private static final Pattern ROW_ID = Pattern.compile("<tr data-id=\"(\\d+)\"");

  @TestConfiguration
  static class TestBeans {
    @Bean
    @Primary
    Clock testClock() {
      return CLOCK;
    }

    /** Evidence ids starting with 9 are stored photos (the evidence store is another package's concern). */
    @Bean
    @Primary
    EvidencePhotos testPhotos() {
      return id -> id.startsWith("9") ? Optional.of(new EvidencePhotos.Photo(new byte[] {(byte) 0xFF, (byte) 0xD8},
          false)) : Optional.empty();
    }
  }

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
  }

  @Autowired
  MockMvc mvc;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlanRepository plans;
  @Autowired
  AreaRepository areas;
  @Autowired
  TeamRepository teams;
  @Autowired
  MemberRepository members;
  @Autowired
  ResponsibleUnitRepository units;
  @Autowired
  ProblemRepository problems;
  @Autowired
  OutboxRepository outbox;
  @Autowired
  ConsoleUserRepository users;

  long plan;
  List<Area> team1Areas;
  List<Area> team2Areas;
  Member lvliping;
  Member wangcheng;

  @BeforeAll
  void accounts() {
    plan = plans.findByActiveTrueOrderByIdDesc().get(0).getId();
    long team1 = teams.findByPlanIdOrderByNumber(plan).get(0).getId();
    long team2 = teams.findByPlanIdOrderByNumber(plan).get(1).getId();
    team1Areas = areas.findByPlanIdOrderBySortOrder(plan).stream().filter(a -> a.getTeamId() == team1).toList();
    team2Areas = areas.findByPlanIdOrderBySortOrder(plan).stream().filter(a -> a.getTeamId() == team2).toList();
    lvliping = members.findActiveByWecomUserId("lvliping").get(0);
    wangcheng = members.findActiveByWecomUserId("wangcheng").get(0);
    users.save(new ConsoleUser("ybj", "x", "医保局联系人", ConsoleUser.Role.UNIT_CONTACT, null, unit("县医保局"), NOON));
    users.save(new ConsoleUser("mzj", "x", "民政局联系人", ConsoleUser.Role.UNIT_CONTACT, null, unit("县民政局"), NOON));
    users.save(new ConsoleUser("leader1", "x", "谭金花", ConsoleUser.Role.TEAM_LEADER,
        members.findActiveByWecomUserId("tanjinhua").get(0).getId(), null, NOON));
  }

  @BeforeEach
  void noon() {
    CLOCK.set(NOON);
  }

  @Test
  void statusColourUnitAndOverdueFiltersWorkAndFollowTheClock() throws Exception {
    Area area = team1Areas.get(2);
    long red = problem(area, lvliping, "县水利局", ProblemStatus.ASSIGNED, TODAY.minusDays(5), "");
    long yellow = problem(area, lvliping, "县教育局", ProblemStatus.RECTIFYING, TODAY, "");
    long blue = problem(area, lvliping, "县水利局", ProblemStatus.ACKNOWLEDGED, TODAY.plusDays(2), "");
    long later = problem(area, lvliping, "县教育局", ProblemStatus.ASSIGNED, TODAY.plusDays(20), "");
    long closed = problem(area, lvliping, "县水利局", ProblemStatus.CLOSED, TODAY.minusDays(9), "");
    long merged = problem(area, lvliping, "县水利局", ProblemStatus.MERGED, TODAY.minusDays(9), "");
    String in = "area=" + area.getId();

    assertThat(ids(ADMIN, in)).containsExactly(red, yellow, blue, later, closed); // merged hidden
    assertThat(ids(ADMIN, in + "&status=MERGED")).containsExactly(merged);
    assertThat(ids(ADMIN, in + "&status=CLOSED")).containsExactly(closed);
    assertThat(ids(ADMIN, in + "&status=已交办")).containsExactly(red, later);
    assertThat(ids(ADMIN, in + "&colour=RED")).containsExactly(red);
    assertThat(ids(ADMIN, in + "&colour=YELLOW")).containsExactly(yellow);
    assertThat(ids(ADMIN, in + "&colour=BLUE")).containsExactly(blue);
    assertThat(ids(ADMIN, in + "&overdue=true")).containsExactly(red);
    assertThat(ids(ADMIN, in + "&unit=" + unit("县水利局"))).containsExactly(red, blue, closed);
    assertThat(ids(ADMIN, in + "&unit=" + unit("县教育局") + "&colour=RED")).isEmpty();
    String page = list(ADMIN, in + "&colour=RED");
    assertThat(row(page, red)).contains("已交办").contains("红色").contains("县水利局")
        .contains(TODAY.minusDays(5).toString());

    // Three days on: the blue and the yellow item are overdue too; the later one turns blue in time.
    CLOCK.advance(Duration.ofDays(3));
    assertThat(ids(ADMIN, in + "&colour=RED")).containsExactly(red, yellow, blue);
    assertThat(ids(ADMIN, in + "&overdue=true")).containsExactly(red, yellow, blue);
    assertThat(ids(ADMIN, in + "&colour=YELLOW")).isEmpty();
    CLOCK.advance(Duration.ofDays(14));
    assertThat(ids(ADMIN, in + "&colour=BLUE")).containsExactly(later);

    // The export carries the same filters, and status, colour, unit and deadline per row.
    XSSFSheet sheet = export(ADMIN, in + "&colour=RED&unit=" + unit("县水利局"));
    assertThat(sheet.getLastRowNum()).isEqualTo(ProblemListWorkbook.HEADER_ROW + 2);
    List<String> first = cells(sheet, ProblemListWorkbook.HEADER_ROW + 1);
    assertThat(first.get(1)).isEqualTo("F" + red);
    assertThat(first.subList(12, 16)).containsExactly("已交办", "红色", "县水利局", TODAY.minusDays(5).toString());
    assertThat(cells(sheet, ProblemListWorkbook.HEADER_ROW + 2).get(1)).isEqualTo("F" + blue);
  }

  @Test
  void aUnitContactSeesListsOpensAndExportsOnlyHisUnitsProblemsAndCannotAct() throws Exception {
    Area area = team2Areas.get(1);
    long mine = problem(area, wangcheng, "县医保局", ProblemStatus.ASSIGNED, TODAY.plusDays(1), "901,902,555");
    long mineClosed = problem(area, wangcheng, "县医保局", ProblemStatus.CLOSED, TODAY, "");
    long theirs = problem(area, wangcheng, "县民政局", ProblemStatus.ASSIGNED, TODAY.plusDays(1), "903");
    RequestPostProcessor ybj = user("ybj").roles("UNIT_CONTACT");
    RequestPostProcessor mzj = user("mzj").roles("UNIT_CONTACT");

    String in = "area=" + area.getId();
    assertThat(ids(ybj, in)).containsExactly(mine, mineClosed);
    assertThat(ids(ybj, "")).contains(mine, mineClosed).doesNotContain(theirs);
    assertThat(ids(mzj, in)).containsExactly(theirs);
    assertThat(ids(ybj, "unit=" + unit("县民政局"))).isEmpty();
    assertThat(list(ybj, "")).doesNotContain("id=\"bulkForm\"").doesNotContain("name=\"ids\"");

    String detail = mvc.perform(get("/problems/{id}", mine).with(ybj)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(detail).contains("/evidence/901/thumb").contains("/evidence/902/thumb")
        .contains("1 张照片尚未存入证据库").doesNotContain("/evidence/903").doesNotContain("id=\"actions\"");
    mvc.perform(get("/problems/{id}", theirs).with(ybj)).andExpect(status().isNotFound());
    mvc.perform(get("/problems/{id}", mine).with(mzj)).andExpect(status().isNotFound());

    XSSFSheet sheet = export(ybj, in);
    assertThat(sheet.getLastRowNum()).isEqualTo(ProblemListWorkbook.HEADER_ROW + 2);
    assertThat(export(ybj, "").getLastRowNum()).isEqualTo(ProblemListWorkbook.HEADER_ROW + ids(ybj, "").size());
    assertThat(List.of(cells(sheet, 3).get(1), cells(sheet, 4).get(1))).containsExactly("F" + mine, "F" + mineClosed);
    mvc.perform(get("/exports/areas/{id}/indicators.xlsx", area.getId()).with(ybj)).andExpect(status().isForbidden());

    for (long id : List.of(mine, theirs)) {
      mvc.perform(post("/problems/{id}/close", id).param("reason", "自行销号").with(ybj).with(csrf()))
          .andExpect(status().isForbidden());
    }
    mvc.perform(post("/problems/bulk").param("action", "close").param("ids", Long.toString(theirs))
        .param("reason", "批量").with(ybj).with(csrf())).andExpect(status().isForbidden());
    assertThat(stateOf(mine)).isEqualTo(ProblemStatus.ASSIGNED);
    assertThat(stateOf(theirs)).isEqualTo(ProblemStatus.ASSIGNED);
  }

  @Test
  void aTeamLeaderSeesHisTeamsProblemsOnlyAndHasNoActions() throws Exception {
    long ours = problem(team1Areas.get(3), lvliping, "县住建局", ProblemStatus.ASSIGNED, TODAY.plusDays(9), "");
    long other = problem(team2Areas.get(2), wangcheng, "县住建局", ProblemStatus.ASSIGNED, TODAY.plusDays(9), "");
    RequestPostProcessor leader = user("leader1").roles("TEAM_LEADER");
    assertThat(ids(leader, "unit=" + unit("县住建局"))).containsExactly(ours);
    assertThat(ids(ADMIN, "unit=" + unit("县住建局"))).containsExactly(ours, other);
    mvc.perform(get("/problems/{id}", other).with(leader)).andExpect(status().isNotFound());
    String detail = mvc.perform(get("/problems/{id}", ours).with(leader)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(detail).doesNotContain("id=\"actions\"");
    assertThat(list(leader, "")).doesNotContain("id=\"bulkForm\"");
    mvc.perform(post("/problems/{id}/extend", ours).param("deadline", "2021-12-31").param("reason", "想延期")
        .with(leader).with(csrf())).andExpect(status().isForbidden());
    mvc.perform(post("/problems/bulk").param("action", "extend").param("ids", Long.toString(ours))
        .param("deadline", "2021-12-31").param("reason", "想延期").with(leader).with(csrf()))
        .andExpect(status().isForbidden());
    XSSFSheet sheet = export(leader, "unit=" + unit("县住建局"));
    assertThat(sheet.getLastRowNum()).isEqualTo(ProblemListWorkbook.HEADER_ROW + 1);
    assertThat(problems.findById(ours).orElseThrow().getDeadline()).isEqualTo(TODAY.plusDays(9));
  }

  @Test
  void eachCountyOfficeActionChangesTheProblemAndIsOnItsAuditTrail() throws Exception {
    Area area = team1Areas.get(4);
    long p = problem(area, lvliping, "县卫健局", ProblemStatus.ACKNOWLEDGED, TODAY.plusDays(5), "904");
    long duplicate = problem(area, lvliping, "县卫健局", ProblemStatus.ASSIGNED, TODAY.plusDays(5), "905");
    long waiting = problem(area, lvliping, area.getName(), ProblemStatus.PENDING_ASSIGNMENT, TODAY.plusDays(5), "");

    // Without the CSRF token nothing happens.
    mvc.perform(post("/problems/{id}/close", p).param("reason", "已整改").with(ADMIN)).andExpect(status().isForbidden());

    // Bad input comes back on the page with a clear message and what was typed.
    String bad = act(p, "extend", Map.of("deadline", "2021-13-45", "reason", "冬季施工")).andExpect(status().isBadRequest())
        .andReturn().getResponse().getContentAsString();
    assertThat(bad).contains("整改时限“2021-13-45”不是有效日期").contains("value=\"2021-13-45\"").contains("value=\"冬季施工\"");
    assertThat(act(p, "extend", Map.of("deadline", TODAY.toString(), "reason", "冬季施工"))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
        .contains("新的整改时限必须晚于原时限（" + TODAY.plusDays(5) + "）");
    assertThat(act(p, "extend", Map.of("deadline", "2021-12-20", "reason", " ")).andExpect(status().isBadRequest())
        .andReturn().getResponse().getContentAsString()).contains("请填写原因").contains("value=\"2021-12-20\"");
    assertThat(problems.findById(p).orElseThrow().getDeadline()).isEqualTo(TODAY.plusDays(5));

    act(p, "edit", Map.of("wording", "基本医疗：村卫生室无执业医师", "reason", "规范表述")).andExpect(status().is3xxRedirection());
    act(p, "extend", Map.of("deadline", "2021-12-20", "reason", "冬季施工")).andExpect(status().is3xxRedirection());
    act(p, "reassign", Map.of("unit", Long.toString(unit("县医保局")), "reason", "属医保政策"))
        .andExpect(status().is3xxRedirection());
    act(duplicate, "merge", Map.of("into", "F" + p, "reason", "同一问题重复上报")).andExpect(status().is3xxRedirection());
    act(waiting, "assign", Map.of("reason", "请尽快落实")).andExpect(status().is3xxRedirection());
    long outboxBefore = outboxTo("ybj-lly").size();
    act(p, "close", Map.of("reason", "经县督导办核实已整改到位")).andExpect(status().is3xxRedirection());

    var changed = problems.findById(p).orElseThrow();
    assertThat(changed.getWording()).isEqualTo("基本医疗：村卫生室无执业医师");
    assertThat(changed.getDeadline()).isEqualTo(LocalDate.of(2021, 12, 20));
    assertThat(changed.getUnitId()).isEqualTo(unit("县医保局"));
    assertThat(changed.getEvidenceIds()).containsExactly("904", "905");
    assertThat(changed.getStatus()).isEqualTo(ProblemStatus.CLOSED);
    assertThat(problems.findById(duplicate).orElseThrow().getStatus()).isEqualTo(ProblemStatus.MERGED);
    assertThat(problems.findById(duplicate).orElseThrow().getMergedIntoId()).isEqualTo(p);
    assertThat(stateOf(waiting)).isEqualTo(ProblemStatus.PENDING_ASSIGNMENT); // the township has no WeCom contact
    assertThat(ids(ADMIN, "area=" + area.getId())).containsExactly(p, waiting);

    assertThat(trail(p)).containsSubsequence(
        "console:admin problem edit APPLIED 规范表述：“基本医疗：问题" + "” → “基本医疗：村卫生室无执业医师”",
        "console:admin problem extend APPLIED " + TODAY.plusDays(5) + " → 2021-12-20：冬季施工",
        "console:admin problem reassign APPLIED 改由 县医保局：属医保政策",
        "console:admin problem merge APPLIED 合并 " + duplicate + " 号：同一问题重复上报",
        "console:admin problem close APPLIED 已签收 → 已销号：县督导办销号：经县督导办核实已整改到位");
    assertThat(trail(duplicate)).contains("console:admin problem merge APPLIED 已交办 → 已合并：并入 " + p + " 号：同一问题重复上报");
    assertThat(trail(waiting)).contains("console:admin problem assign request APPLIED 责任单位没有企业微信联系人，仍待交办：请尽快落实");
    // The unit's contact and the inspector are told of the 销号 in WeCom.
    assertThat(outboxTo("ybj-lly")).hasSize((int) outboxBefore + 1)
        .last().satisfies(r -> assertThat(r.getPayload()).contains("已由县督导办").contains("经县督导办核实已整改到位"));
    assertThat(outboxTo("lvliping")).anySatisfy(r -> assertThat(r.getPayload()).contains("经县督导办核实已整改到位"));

    // The page shows the trail: who, what, why.
    String page = mvc.perform(get("/problems/{id}", p).with(ADMIN)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("已销号").contains("县医保局").contains("2021-12-20").contains("县督导办销号")
        .contains("经县督导办核实已整改到位").contains("/evidence/905/thumb").doesNotContain("id=\"form-close\"");
    // A closed problem cannot be closed again: the page says why.
    assertThat(act(p, "close", Map.of("reason", "再次销号")).andExpect(status().isBadRequest()).andReturn().getResponse()
        .getContentAsString()).contains("销号未完成：已销号，不能销号");
  }

  @Test
  void bulkActionsActItemByItemAndSayWhatWasNotDone() throws Exception {
    Area area = team2Areas.get(3);
    long a = problem(area, wangcheng, "县教育局", ProblemStatus.ASSIGNED, TODAY.plusDays(2), "");
    long b = problem(area, wangcheng, "县教育局", ProblemStatus.RECTIFYING, TODAY.minusDays(1), "");
    long closed = problem(area, wangcheng, "县教育局", ProblemStatus.CLOSED, TODAY.minusDays(1), "");
    long pending = problem(area, wangcheng, area.getName(), ProblemStatus.PENDING_ASSIGNMENT, TODAY.plusDays(9), "");
    long absent = 987654321L;

    // A bad date refuses the whole form and keeps what was typed; nothing changes.
    var refused = bulk("extend", Map.of("deadline", "12月31日", "reason", "统一延期"), a, b);
    assertThat(refused.getFlashMap().get("bulkError")).asString().contains("不是有效日期");
    assertThat(((ProblemForm) refused.getFlashMap().get("bulkForm")).ids()).containsExactly(a, b);
    assertThat(bulk("close", Map.of("reason", ""), a).getFlashMap().get("bulkError")).asString().contains("请填写原因");

    var extended = bulk("extend", Map.of("deadline", "2021-12-31", "reason", "统一延期"), a, closed, b, absent);
    assertThat(summary(extended)).isEqualTo("已延期 2 项；2 项未处理：F" + closed + " 已销号，不能延期；F" + absent
        + " 不存在、不在本方案或不在您的权限范围内。");
    assertThat(problems.findById(a).orElseThrow().getDeadline()).isEqualTo(LocalDate.of(2021, 12, 31));
    assertThat(problems.findById(b).orElseThrow().getDeadline()).isEqualTo(LocalDate.of(2021, 12, 31));
    assertThat(problems.findById(closed).orElseThrow().getDeadline()).isEqualTo(TODAY.minusDays(1));
    assertThat(trail(a)).contains("console:admin problem extend APPLIED " + TODAY.plusDays(2) + " → 2021-12-31：统一延期");
    assertThat(trail(closed)).contains("console:admin problem bulk extend REJECTED 已销号，不能延期");
    assertThat(jdbc.queryForList("SELECT outcome FROM audit_events WHERE target = ? AND action = 'problem bulk extend'",
        String.class, "problem:" + absent + "@plan:" + plan)).containsExactly("DENIED");

    var assigned = bulk("assign", Map.of("unit", Long.toString(unit("县教育局")), "reason", "改由教育局"), pending, a);
    assertThat(summary(assigned)).isEqualTo("已交办 1 项；1 项未处理：F" + a + " 已交办，无需交办。");
    assertThat(stateOf(pending)).isEqualTo(ProblemStatus.ASSIGNED);
    assertThat(problems.findById(pending).orElseThrow().getUnitId()).isEqualTo(unit("县教育局"));
    assertThat(outboxTo("jyj-lly")).anySatisfy(r -> assertThat(r.getPayload()).contains("整改通知（" + pending + "号）"));

    var closing = bulk("close", Map.of("reason", "集中核查已整改"), a, closed);
    assertThat(summary(closing)).isEqualTo("已销号 1 项；1 项未处理：F" + closed + " 已销号，不能销号。");
    assertThat(stateOf(a)).isEqualTo(ProblemStatus.CLOSED);
    assertThat(trail(a)).contains("console:admin problem close APPLIED 已交办 → 已销号：县督导办销号：集中核查已整改");

    // The list shows the result after the redirect.
    String page = mvc.perform(get("/problems").flashAttrs(closing.getFlashMap()).with(ADMIN))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("id=\"bulkResult\"").contains(summary(closing));
  }

  // ---- helpers ----

  private long problem(Area area, Member inspector, String unitName, ProblemStatus status, LocalDate deadline,
                       String evidence) {
    Timestamp now = Timestamp.from(CLOCK.instant());
    jdbc.update("""
        INSERT INTO problems (plan_id, indicator, category, wording, area_id, subject, evidence_ids, member_id,
          inspector_name, team_id, unit_id, status, deadline, created_at, updated_at)
        VALUES (?, 'basic_medical', NULL, '基本医疗：问题', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", plan, area.getId(),
        area.getName(), evidence, inspector.getId(), inspector.getName(), area.getTeamId(), unit(unitName),
        status.name(), java.sql.Date.valueOf(deadline), now, now);
    return jdbc.queryForObject("SELECT MAX(id) FROM problems", Long.class);
  }

  private long unit(String name) {
    return units.findByPlanIdAndName(plan, name).orElseThrow().getId();
  }

  private ProblemStatus stateOf(long id) {
    return problems.findById(id).orElseThrow().getStatus();
  }

  private List<String> trail(long id) {
    return jdbc.queryForList("SELECT actor, action, outcome, detail FROM audit_events WHERE target = ? ORDER BY id",
        "problem:" + id + "@plan:" + plan).stream()
        .map(r -> r.get("actor") + " " + r.get("action") + " " + r.get("outcome") + " " + r.get("detail")).toList();
  }

  private List<OutboxRecord> outboxTo(String user) {
    return outbox.findByRecipientAndChannelOrderByIdAsc(user, InboundMessage.Channel.WECOM);
  }

  private ResultActions act(long id, String action, Map<String, String> params) throws Exception {
    var request = post("/problems/{id}/{action}", id, action).with(ADMIN).with(csrf());
    params.forEach(request::param);
    return mvc.perform(request);
  }

  private org.springframework.test.web.servlet.MvcResult bulk(String action, Map<String, String> params, long... ids)
      throws Exception {
    var request = post("/problems/bulk").param("action", action).param("plan", Long.toString(plan)).with(ADMIN)
        .with(csrf());
    params.forEach(request::param);
    for (long id : ids) {
      request.param("ids", Long.toString(id));
    }
    return mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
  }

  private static String summary(org.springframework.test.web.servlet.MvcResult result) {
    return ((ProblemBulkController.Result) result.getFlashMap().get("bulkResult")).summary();
  }

  private String list(RequestPostProcessor who, String query) throws Exception {
    return mvc.perform(get("/problems?" + query).with(who)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
  }

  private List<Long> ids(RequestPostProcessor who, String query) throws Exception {
    String page = list(who, query);
    Matcher total = TOTAL.matcher(page);
    assertThat(total.find()).isTrue();
    List<Long> ids = new ArrayList<>();
    Matcher m = ROW_ID.matcher(page);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    assertThat(ids).hasSize(Integer.parseInt(total.group(1)));
    return ids;
  }

  private static String row(String page, long id) {
    int start = page.indexOf("<tr data-id=\"" + id + "\"");
    return page.substring(start, page.indexOf("</tr>", start));
  }

  private XSSFSheet export(RequestPostProcessor who, String query) throws Exception {
    byte[] file = mvc.perform(get("/exports/problems.xlsx?" + query).with(who)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      return workbook.getSheet("问题清单");
    }
  }

  private static List<String> cells(XSSFSheet sheet, int row) {
    DataFormatter text = new DataFormatter();
    List<String> cells = new ArrayList<>();
    sheet.getRow(row).forEach(c -> cells.add(text.formatCellValue(c)));
    return cells;
  }
}
