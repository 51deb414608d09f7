package cn.dudao.bot.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.PlanRepository;
import cn.dudao.bot.plan.Team;
import cn.dudao.bot.plan.TeamRepository;
import cn.dudao.bot.testsupport.MutableClock;
import cn.dudao.bot.testsupport.Nodes;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6's rectification reminders on two nodes sharing one database, Redis and clock, with the seeded
 * plan's units: 县教育局 (contact jyj-lly) holds team 1's problems, 县水利局 (slj-lly) team 2's; the county
 * office's contact is xczxj-lly. Each unit hears only of its own problems, in one message per day and
 * kind, however often and wherever planning runs; closed problems are never mentioned.
 */
class RectificationRemindersIT {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** After the seeded plan's field period and report: only the rectification rules still run. */
  private static final LocalDate DAY = LocalDate.of(2021, 11, 20);
  private static final WeComApiStub WECOM = new WeComApiStub().start();
  private static final MutableClock CLOCK = new MutableClock(at(DAY, 8, 0));
  private static Nodes nodes;
  private static ConfigurableApplicationContext a;
  private static ConfigurableApplicationContext b;
  private static long planId;
  private static long blue;
  private static long blueLater;
  private static long yellow;
  private static long red;
  private static long closedDue;
  private static long closedRed;

  @BeforeAll
  static void startTwoNodesWithProblems() {
    nodes = new Nodes(TestServices.sharedProperties(), CLOCK);
    List<String> properties = new ArrayList<>(List.of(WeComCallbacks.springProperties()));
    properties.addAll(List.of("dudao.wecom.api-base-url=" + WECOM.baseUrl(),
        "dudao.reminders.plan-interval=200ms", "dudao.reminders.queue-interval=200ms",
        "dudao.reminders.initial-delay=0s", "dudao.reminders.lock-at-least-for=PT0.05S",
        "dudao.outbox.poll-interval=200ms"));
    a = nodes.start(properties.toArray(String[]::new));
    b = nodes.start(properties.toArray(String[]::new));
    JdbcTemplate jdbc = jdbc();
    planId = jdbc.queryForObject("SELECT id FROM plans WHERE code = 'youyu-2021'", Long.class);
    blue = problem("县教育局", 1, "lvliping", "义务教育：一名适龄儿童未落实送教上门", "右卫镇 右卫示例一村", DAY.plusDays(3), "ASSIGNED");
    blueLater = problem("县教育局", 1, "lvliping", "义务教育：控辍保学台账不全", "右卫镇 右卫示例二村", DAY.plusDays(1), "ACKNOWLEDGED");
    closedDue = problem("县教育局", 1, "lvliping", "义务教育：已整改的问题", "元堡子镇 元堡子示例一村", DAY.plusDays(3), "CLOSED");
    closedRed = problem("县教育局", 1, "lvliping", "义务教育：早已销号的问题", "元堡子镇 元堡子示例二村", DAY.minusDays(4), "CLOSED");
    yellow = problem("县水利局", 2, "wangcheng", "安全饮水：两户饮水水压不足", "新城镇 新城示例一村", DAY, "RECTIFYING");
    red = problem("县水利局", 2, "wangcheng", "安全饮水：一处供水设施冻损未修复", "新城镇 新城示例二村", DAY.minusDays(2), "RECTIFYING");
  }

  @AfterAll
  static void stop() {
    nodes.close();
    WECOM.stop();
  }

  @Test
  void unitsLeadersAndTheCountyOfficeHearOfTheirProblemsOncePerDay() {
    // 08:00: planned by the scheduled rounds on both nodes and by both nodes at once from several threads.
    await().atMost(Duration.ofSeconds(30)).until(() -> plannedToday(DAY).values().stream().mapToInt(List::size).sum() >= 5);
    planEverywhereAtOnce();
    Map<String, List<String>> planned = plannedToday(DAY);
    assertThat(planned).containsOnly(
        Map.entry(RectificationDue.KIND, List.of("jyj-lly", "slj-lly")),
        Map.entry(RectificationOverdue.KIND, List.of("slj-lly")),
        Map.entry(RectificationEscalation.KIND, List.of("hanzhiqiang", "xczxj-lly")));
    assertThat(sent()).isEmpty();

    CLOCK.set(at(DAY, 11, 0));
    await().atMost(Duration.ofSeconds(30)).until(() -> sent().size() >= 5);
    planEverywhereAtOnce();
    awaitOutboxEmpty();
    assertThat(countByRecipient(sent())).containsOnly(Map.entry("jyj-lly", 1L), Map.entry("slj-lly", 2L),
        Map.entry("hanzhiqiang", 1L), Map.entry("xczxj-lly", 1L));

    String dueToEducation = only("jyj-lly", "【整改提醒】");
    assertThat(dueToEducation).startsWith("【整改提醒】县教育局：以下问题整改时限临近（共1条）")
        .contains("· " + blue + "号 义务教育：一名适龄儿童未落实送教上门（地点：右卫镇 右卫示例一村；时限：11月23日，还剩3天）")
        .doesNotContain(blueLater + "号").doesNotContain("已整改的问题").doesNotContain("安全饮水");
    String dueToWater = only("slj-lly", "【整改提醒】");
    assertThat(dueToWater).startsWith("【整改提醒】县水利局：以下问题整改时限临近（共1条）")
        .contains("· " + yellow + "号 安全饮水：两户饮水水压不足（地点：新城镇 新城示例一村；时限：11月20日，今天到期）")
        .doesNotContain("义务教育").doesNotContain(red + "号");
    assertThat(only("slj-lly", "【整改逾期】")).startsWith("【整改逾期】县水利局：以下问题已超过整改时限（共1条）")
        .contains("· " + red + "号 安全饮水：一处供水设施冻损未修复（地点：新城镇 新城示例二村；时限：11月18日，已逾期2天）")
        .doesNotContain("义务教育").doesNotContain(yellow + "号");
    assertThat(only("hanzhiqiang", "【逾期问题督办】")).startsWith("【逾期问题督办】11月20日\n第二组发现的问题中，已逾期未整改1条：")
        .contains("· " + red + "号 安全饮水：一处供水设施冻损未修复（责任单位：县水利局；地点：新城镇 新城示例二村；"
            + "时限：11月18日，已逾期2天）")
        .doesNotContain("全县").doesNotContain("早已销号");
    assertThat(only("xczxj-lly", "【逾期问题督办】")).startsWith("【逾期问题督办】11月20日\n全县已逾期未整改的问题共1条，按责任单位："
            + "\n县水利局（1条）：\n· " + red + "号 安全饮水：一处供水设施冻损未修复")
        .doesNotContain("早已销号").doesNotContain(closedRed + "号");

    // The leaders' digest: team 2 has one red and one yellow item, team 1 two blue ones.
    Plan plan = a.getBean(PlanRepository.class).findById(planId).orElseThrow();
    OpenProblemsSection section = a.getBean(OpenProblemsSection.class);
    assertThat(section.render(plan, team(2), DAY)).hasValue("问题整改：本组发现的问题未销号 2 条，其中红色（已逾期）1 条、"
        + "黄色（今日到期）1 条、蓝色（3天内到期）0 条、未到预警期 0 条\n红色问题：" + red + "号");
    assertThat(section.render(plan, team(1), DAY)).hasValue("问题整改：本组发现的问题未销号 2 条，其中红色（已逾期）0 条、"
        + "黄色（今日到期）0 条、蓝色（3天内到期）2 条、未到预警期 0 条");

    // The next day: the yellow item is red too, and the other blue one of 县教育局 is due today.
    CLOCK.set(at(DAY.plusDays(1), 11, 0));
    await().atMost(Duration.ofSeconds(30)).until(() -> sent().size() >= 9);
    planEverywhereAtOnce();
    awaitOutboxEmpty();
    assertThat(countByRecipient(sent())).containsOnly(Map.entry("jyj-lly", 2L), Map.entry("slj-lly", 3L),
        Map.entry("hanzhiqiang", 2L), Map.entry("xczxj-lly", 2L));
    List<String> overdue = texts("slj-lly", "【整改逾期】");
    assertThat(overdue).hasSize(2);
    assertThat(overdue.get(1)).contains("（共2条）").contains(red + "号").contains("已逾期3天")
        .contains(yellow + "号").contains("时限：11月20日，已逾期1天");
    assertThat(texts("jyj-lly", "【整改提醒】").get(1)).contains(blueLater + "号").contains("时限：11月21日，今天到期")
        .doesNotContain(blue + "号");

    // Two days later the first blue item is due today, the other one red: team 1's leader hears of it too.
    CLOCK.set(at(DAY.plusDays(3), 11, 0));
    await().atMost(Duration.ofSeconds(30)).until(() -> texts("tanjinhua", "【逾期问题督办】").size() >= 1
        && texts("jyj-lly", "【整改提醒】").size() >= 3);
    planEverywhereAtOnce();
    awaitOutboxEmpty();
    List<String> due = texts("jyj-lly", "【整改提醒】");
    assertThat(due).hasSize(3);
    assertThat(due.get(2)).contains(blue + "号").contains("时限：11月23日，今天到期").doesNotContain(blueLater + "号")
        .doesNotContain("已整改的问题");
    assertThat(only("jyj-lly", "【整改逾期】")).contains(blueLater + "号").contains("已逾期2天").doesNotContain(blue + "号");
    assertThat(only("tanjinhua", "【逾期问题督办】")).contains("第一组发现的问题中，已逾期未整改1条：").contains(blueLater + "号")
        .doesNotContain(red + "号");
    assertThat(texts("xczxj-lly", "【逾期问题督办】")).hasSize(3).last().asString()
        .contains("全县已逾期未整改的问题共3条").contains("县教育局（1条）").contains("县水利局（2条）");
    assertThat(sent()).noneSatisfy(m -> assertThat(WeComApiStub.textOf(m)).contains("已整改的问题"));
    assertThat(sent()).noneSatisfy(m -> assertThat(WeComApiStub.textOf(m)).contains("早已销号"));
  }

  private static long problem(String unit, int teamNo, String inspector, String wording, String subject,
                              LocalDate deadline, String status) {
    JdbcTemplate jdbc = jdbc();
    long unitId = jdbc.queryForObject("SELECT id FROM units WHERE plan_id = ? AND name = ?", Long.class, planId, unit);
    long teamId = team(teamNo).getId();
    Map<String, Object> member = jdbc.queryForMap("SELECT id, name FROM members WHERE plan_id = ? AND wecom_user_id = ?",
        planId, inspector);
    Timestamp created = Timestamp.from(at(DAY.minusDays(15), 10, 0));
    jdbc.update("INSERT INTO problems (plan_id, indicator, wording, subject, evidence_ids, member_id, inspector_name,"
        + " team_id, unit_id, status, deadline, created_at, updated_at) VALUES (?, 'safe_water', ?, ?, '', ?, ?, ?, ?, ?,"
        + " ?, ?, ?)", planId, wording, subject, member.get("id"), member.get("name"), teamId, unitId, status,
        Date.valueOf(deadline), created, created);
    return jdbc.queryForObject("SELECT MAX(id) FROM problems", Long.class);
  }

  private static Team team(int number) {
    return a.getBean(TeamRepository.class).findByPlanIdOrderByNumber(planId).stream()
        .filter(t -> t.getNumber() == number).findFirst().orElseThrow();
  }

  private static void planEverywhereAtOnce() {
    List<CompletableFuture<Integer>> racing = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      for (ConfigurableApplicationContext node : List.of(a, b)) {
        racing.add(CompletableFuture.supplyAsync(() -> node.getBean(ReminderPlanner.class).planDue()));
        racing.add(CompletableFuture.supplyAsync(() -> node.getBean(ReminderQueue.class).queueDue()));
      }
    }
    racing.forEach(CompletableFuture::join);
  }

  /** Rule kind → recipients planned for {@code day}, sorted. */
  private static Map<String, List<String>> plannedToday(LocalDate day) {
    return jdbc().queryForList("SELECT k.rule_kind, r.recipient FROM reminders r JOIN reminder_rules k ON k.id = r.rule_id"
            + " WHERE r.reminder_day = ? ORDER BY r.recipient", Date.valueOf(day)).stream()
        .collect(Collectors.groupingBy(row -> (String) row.get("rule_kind"),
            Collectors.mapping(row -> (String) row.get("recipient"), Collectors.toList())));
  }

  private static String only(String user, String prefix) {
    List<String> texts = texts(user, prefix);
    assertThat(texts).as(user + " " + prefix).hasSize(1);
    return texts.get(0);
  }

  private static List<String> texts(String user, String prefix) {
    return WECOM.messagesTo(user).stream().map(WeComApiStub::textOf).filter(t -> t.startsWith(prefix)).toList();
  }

  private static List<JsonNode> sent() {
    return WECOM.bodies("/cgi-bin/message/send");
  }

  private static Map<String, Long> countByRecipient(List<JsonNode> messages) {
    return messages.stream().collect(Collectors.groupingBy(m -> m.path("touser").asString(), Collectors.counting()));
  }

  private static JdbcTemplate jdbc() {
    return a.getBean(JdbcTemplate.class);
  }

  private static void awaitOutboxEmpty() {
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc().queryForObject(
        "SELECT COUNT(*) FROM outbox_messages WHERE status = 'PENDING'", Long.class) == 0);
  }

  private static Instant at(LocalDate day, int hour, int minute) {
    return day.atTime(hour, minute).atZone(SHANGHAI).toInstant();
  }
}
