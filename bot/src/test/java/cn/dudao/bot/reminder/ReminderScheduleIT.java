package cn.dudao.bot.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.outbox.Outbox;
import cn.dudao.bot.outbox.OutboxRecord;
import cn.dudao.bot.outbox.OutgoingMessage;
import cn.dudao.bot.outbox.OutboxRepository;
import cn.dudao.bot.plan.Area;
import cn.dudao.bot.plan.AreaRepository;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.Village;
import cn.dudao.bot.plan.VillageRepository;
import cn.dudao.bot.testsupport.MutableClock;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Reminders on one node with a clock the test moves: quiet hours (nothing sent from 21:00 to 07:30, a
 * reminder planned into them goes the next morning, one that missed its time is skipped), and what the
 * seeded plan's inspectors and team leaders are told once some work is signed, and a reminder's retry kept
 * out of quiet hours. Probe rules, defined
 * here, plug in exactly as the problem list's rules will.
 */
@SpringBootTest(classes = BotApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "dudao.wecom.corp-id=" + WeComCallbacks.CORP_ID, "dudao.wecom.agent-id=" + WeComCallbacks.AGENT_ID,
    "dudao.wecom.secret=" + WeComCallbacks.SECRET, "dudao.wecom.token=" + WeComCallbacks.TOKEN,
    "dudao.wecom.aes-key=" + WeComCallbacks.AES_KEY,
    "dudao.reminders.plan-interval=200ms", "dudao.reminders.queue-interval=200ms",
    "dudao.reminders.initial-delay=0s", "dudao.reminders.lock-at-least-for=PT0.05S",
    "dudao.outbox.poll-interval=200ms"})
@Import(ReminderScheduleIT.TestRules.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Closed after the class: its pool would otherwise hold database connections for the rest of the run.
@DirtiesContext
class ReminderScheduleIT {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final WeComApiStub WECOM = new WeComApiStub().start();
  /** Before the seeded plan's field period: nothing is due until the test moves the clock. */
  private static final MutableClock CLOCK = new MutableClock(at(20, 12, 0));

  /** A test rule: fixed recipients, one day, one time; it says {@code text}. */
  record ProbeRule(String kind, LocalDate day, LocalTime time, int spread, String text) implements ReminderRule {
    @Override
    public RuleDefaults defaults(Plan plan) {
      return new RuleDefaults(day, day, time, spread);
    }

    @Override
    public Collection<String> recipients(Plan plan, LocalDate on) {
      return List.of("tanjinhua", "lvliping");
    }

    @Override
    public Optional<String> compose(Plan plan, String recipient, LocalDate on) {
      return Optional.of(text + "（" + recipient + "）");
    }
  }

  @TestConfiguration
  static class TestRules {
    @Bean
    @Primary
    Clock testClock() {
      return CLOCK;
    }

    /** Planned into quiet hours (21:30): goes the next morning after 07:30. */
    @Bean
    ReminderRule nightProbe() {
      return new ProbeRule("NIGHT_PROBE", LocalDate.of(2021, 10, 27), LocalTime.of(21, 30), 10, "夜间计划的提醒");
    }

    /** Due at 20:58, queued at 20:59:58: its first attempt fails and the retry would fall in quiet hours. */
    @Bean
    ReminderRule retryProbe() {
      return new ProbeRule("RETRY_PROBE", LocalDate.of(2021, 10, 30), LocalTime.of(20, 58), 0, "重试探针");
    }

    /** Due at 20:40, but the node only plans it at 21:10: it must not go at night, nor hours late. */
    @Bean
    ReminderRule lateProbe() {
      return new ProbeRule("LATE_PROBE", LocalDate.of(2021, 10, 26), LocalTime.of(20, 40), 0, "错过时间的提醒");
    }
  }

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
    registry.add("dudao.wecom.api-base-url", WECOM::baseUrl);
  }

  @AfterAll
  static void stopWeCom() {
    WECOM.stop();
  }

  @Autowired
  ReminderPlanner planner;
  @Autowired
  ReminderQueue queue;
  @Autowired
  ReminderRepository reminders;
  @Autowired
  RuleSettingRepository rules;
  @Autowired
  OutboxRepository outbox;
  @Autowired
  MemberRepository members;
  @Autowired
  AreaRepository areas;
  @Autowired
  VillageRepository villages;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Outbox mailer;
  @Autowired
  TransactionTemplate tx;

  @Test
  @Order(1)
  void nothingGoesInQuietHoursAndAMissedReminderIsSkipped() {
    CLOCK.set(at(26, 21, 10));
    awaitRounds();
    List<Reminder> late = ofRule("LATE_PROBE");
    assertThat(late).hasSize(2).allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(Reminder.Status.PLANNED));
    assertThat(sentContaining("错过时间的提醒")).isEmpty();

    CLOCK.set(at(27, 7, 45));
    awaitRounds();
    assertThat(ofRule("LATE_PROBE")).allSatisfy(r -> {
      assertThat(r.getStatus()).isEqualTo(Reminder.Status.SKIPPED);
      assertThat(r.getNote()).isEqualTo("too late");
    });

    CLOCK.set(at(27, 22, 0));
    awaitRounds();
    List<Reminder> night = ofRule("NIGHT_PROBE");
    ZonedDateTime morning = LocalDate.of(2021, 10, 28).atTime(7, 30).atZone(SHANGHAI);
    assertThat(night).hasSize(2).allSatisfy(r -> {
      ZonedDateTime due = r.getDueAt().atZone(SHANGHAI);
      assertThat(due).isAfterOrEqualTo(morning).isBefore(morning.plusMinutes(32));
      assertThat(SendSlots.nearHalfHour(due)).isFalse();
    });

    CLOCK.set(at(28, 7, 29));
    awaitRounds();
    assertThat(sentContaining("夜间计划的提醒")).isEmpty();

    CLOCK.set(at(28, 8, 5));
    await().atMost(Duration.ofSeconds(30)).until(() -> sentContaining("夜间计划的提醒").size() == 2);
    awaitRounds();
    assertThat(sentContaining("夜间计划的提醒")).extracting(m -> m.path("touser").asString())
        .containsExactlyInAnyOrder("tanjinhua", "lvliping");
    assertThat(sentContaining("错过时间的提醒")).isEmpty();
    assertThat(outbox.findAll()).filteredOn(o -> o.getStatus() == OutboxRecord.Status.SENT)
        .allSatisfy(o -> assertThat(new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 30), SHANGHAI)
            .contains(o.getCreatedAt())).as("queued at %s", o.getCreatedAt()).isFalse());
  }

  @Test
  @Order(2)
  void inspectorsHearWhatTheirTeamHasLeftAndLeadersGetTheDaysProgress() {
    long planId = jdbc.queryForObject("SELECT id FROM plans WHERE code = 'youyu-2021'", Long.class);
    Map<String, Member> byUser = members.findByPlanIdOrderByTeamIdAscSortOrderAsc(planId).stream()
        .collect(Collectors.toMap(Member::getWecomUserId, m -> m));
    Member lv = byUser.get("lvliping");
    Member wang = byUser.get("wangcheng");
    // Team 2 signed every village check and every area check; team 1 one of each, with one finding today.
    for (Area area : areas.findByTeamIdOrderBySortOrder(wang.getTeamId())) {
      confirm(planId, wang, "area-check", area.getId(), null);
      for (Village v : villages.findByAreaIdInOrderByAreaIdAscSortOrderAsc(List.of(area.getId()))) {
        confirm(planId, wang, "village-check", area.getId(), v.getId());
      }
    }
    Area youwei = areas.findByTeamIdOrderBySortOrder(lv.getTeamId()).get(0);
    Village first = villages.findByAreaIdInOrderByAreaIdAscSortOrderAsc(List.of(youwei.getId())).get(0);
    confirm(planId, lv, "area-check", youwei.getId(), null);
    long inspection = confirm(planId, lv, "village-check", youwei.getId(), first.getId());
    finding(planId, inspection, lv, youwei.getId(), first.getId(), at(29, 10, 0));
    // Sampled households: 吕利平 has visited 二甲 and not yet 二乙; 王成 (team 2, all else done) not 新城 one.
    Village second = villages.findByAreaIdInOrderByAreaIdAscSortOrderAsc(List.of(youwei.getId())).get(1);
    assign(planId, lv, second.getId(), "示例户右卫二甲");
    assign(planId, lv, second.getId(), "示例户右卫二乙");
    long visited = confirm(planId, lv, "household-visit", null, null);
    jdbc.update("UPDATE inspections SET household_id = (SELECT id FROM households WHERE head_name = ?) WHERE id = ?",
        "示例户右卫二甲", visited);
    Area xincheng = areas.findByTeamIdOrderBySortOrder(wang.getTeamId()).get(0);
    Village xinchengFirst = villages.findByAreaIdInOrderByAreaIdAscSortOrderAsc(List.of(xincheng.getId())).get(0);
    String xinchengHead = jdbc.queryForObject("SELECT head_name FROM households WHERE village_id = ? ORDER BY sort_order, id"
        + " LIMIT 1", String.class, xinchengFirst.getId());
    assign(planId, wang, xinchengFirst.getId(), xinchengHead);

    CLOCK.set(at(29, 9, 0));
    await().atMost(Duration.ofSeconds(30)).until(() -> sentStartingWith("【督导提醒】").size() == 9);
    awaitRounds();
    List<JsonNode> field = sentStartingWith("【督导提醒】");
    assertThat(field).hasSize(9).extracting(m -> m.path("touser").asString())
        .doesNotHaveDuplicates().contains("lvliping", "fubingrui", "wangcheng").doesNotContain("tanjinhua", "niepeng");
    String toLv = WeComApiStub.textOf(field.stream().filter(m -> m.path("touser").asString().equals("lvliping"))
        .findFirst().orElseThrow());
    assertThat(toLv).startsWith("【督导提醒】吕利平您好，实地督导将于10月31日结束（含今天还剩3天）。第一组尚有以下工作未完成：")
        .contains("未完成村级核查的村（9个）：右卫镇 右卫示例二村、元堡子镇 元堡子示例一村")
        .doesNotContain("右卫示例一村")
        .contains("未完成乡镇督导的乡镇（4个）：元堡子镇、李达窑乡、高家堡乡、杀虎口风景名胜区")
        .contains("未完成入户走访的农户（1户）：右卫镇 右卫示例二村 · 示例户右卫二乙").doesNotContain("示例户右卫二甲");
    String toWang = WeComApiStub.textOf(WECOM.messagesTo("wangcheng").get(0));
    assertThat(toWang).contains("第二组尚有以下工作未完成").contains("未完成入户走访的农户（1户）：").contains(xinchengHead)
        .doesNotContain("未完成村级核查").doesNotContain("未完成乡镇督导");
    assertThat(reminders.findByPlanIdOrderByIdAsc(planId)).filteredOn(r -> r.getRecipient().equals("niepeng"))
        .as("nothing left, nothing planned").isEmpty();

    CLOCK.set(at(29, 19, 0));
    await().atMost(Duration.ofSeconds(30)).until(() -> sentStartingWith("【督导日报】").size() == 2);
    awaitRounds();
    Map<String, String> digests = sentStartingWith("【督导日报】").stream()
        .collect(Collectors.toMap(m -> m.path("touser").asString(), WeComApiStub::textOf));
    assertThat(digests.get("tanjinhua")).startsWith("【督导日报】第一组 · 10月29日\n实地督导（10月25日至10月31日）第 5 天，共 7 天")
        .contains("村级核查：已完成 1/10 个村（10%）").contains("乡镇督导：已完成 1/5 个乡镇")
        .contains("· 右卫镇：村级核查 1/2，乡镇督导已完成，发现问题 1 条")
        .contains("· 元堡子镇：村级核查 0/2，乡镇督导未完成，发现问题 0 条")
        .contains("发现问题（不达标项）：共 1 条，今日新增 1 条");
    assertThat(digests.get("hanzhiqiang")).startsWith("【督导日报】第二组 · 10月29日")
        .contains("村级核查：已完成 8/8 个村（100%）").contains("乡镇督导：已完成 4/4 个乡镇");
  }

  @Test
  @Order(3)
  void aRetryThatWouldFallInQuietHoursWaitsForTheirEnd() {
    WECOM.server().stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).atPriority(1)
        .withRequestBody(matchingJsonPath("$.touser", equalTo("lvliping")))
        .withRequestBody(matchingJsonPath("$.text.content", containing("重试探针")))
        .inScenario("retry probe").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(502).withBody("Bad Gateway")).willSetStateTo("recovered"));
    // 20:59:58: queued and tried at once; WeCom answers 502, and the backoff (2 s) would retry at 21:00:00.
    CLOCK.set(at(30, 20, 59).plusSeconds(58));
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> probe().getAttempts() == 1
        && sentContaining("重试探针").size() == 2);
    OutboxRecord held = probe();
    ZonedDateTime morning = LocalDate.of(2021, 10, 31).atTime(7, 30).atZone(SHANGHAI);
    assertThat(held.getStatus()).isEqualTo(OutboxRecord.Status.PENDING);
    assertThat(held.getTiming()).isEqualTo(OutboxRecord.Timing.WAKING_HOURS);
    assertThat(held.getNextAttemptAt().atZone(SHANGHAI)).isAfterOrEqualTo(morning).isBefore(morning.plusMinutes(32))
        .satisfies(next -> assertThat(SendSlots.nearHalfHour(next)).isFalse());

    for (Instant night : List.of(at(30, 22, 0), at(31, 3, 0), at(31, 7, 29))) {
      CLOCK.set(night);
      awaitRounds();
      assertThat(sentContaining("重试探针")).as("at %s", night).hasSize(2);
    }
    CLOCK.set(held.getNextAttemptAt());
    await().atMost(Duration.ofSeconds(30)).until(() -> probe().getStatus() == OutboxRecord.Status.SENT);
    assertThat(probe().getSentAt()).isEqualTo(held.getNextAttemptAt());
    // Different people's messages go in parallel: only each person's own order is guaranteed.
    assertThat(sentContaining("重试探针")).extracting(m -> m.path("touser").asString())
        .containsExactlyInAnyOrder("tanjinhua", "lvliping", "lvliping");
  }

  @Test
  @Order(4)
  void repliesAreNotDeferredAndTakeAHeldReminderAlong() {
    CLOCK.set(at(31, 22, 30));
    long reminder = tx.execute(s -> mailer.enqueueReminder(InboundMessage.Channel.WECOM, "niepeng",
        OutgoingMessage.text("夜间探针提醒")));
    ZonedDateTime morning = LocalDate.of(2021, 11, 1).atTime(7, 30).atZone(SHANGHAI);
    assertThat(outbox.findById(reminder).orElseThrow().getNextAttemptAt().atZone(SHANGHAI)).isAfterOrEqualTo(morning);
    awaitRounds();
    assertThat(sentContaining("夜间探针")).isEmpty();

    // 聂鹏 writes to the bot at 22:30: the reply goes now, and the reminder held before it goes first.
    long reply = tx.execute(s -> mailer.enqueue(InboundMessage.Channel.WECOM, "niepeng",
        OutgoingMessage.text("夜间探针回复")));
    long other = tx.execute(s -> mailer.enqueue(InboundMessage.Channel.WECOM, "fubingrui",
        OutgoingMessage.text("夜间探针回复（另一人）")));
    await().atMost(Duration.ofSeconds(30)).until(() -> sentContaining("夜间探针").size() == 3);
    assertThat(sentContaining("夜间探针")).extracting(WeComApiStub::textOf)
        .containsSubsequence("夜间探针提醒", "夜间探针回复");
    assertThat(List.of(reminder, reply, other)).allSatisfy(id -> assertThat(outbox.findById(id).orElseThrow())
        .satisfies(o -> assertThat(o.getSentAt()).isEqualTo(at(31, 22, 30))));
  }

  private OutboxRecord probe() {
    return outbox.findByRecipientAndChannelOrderByIdAsc("lvliping", cn.dudao.bot.inbox.InboundMessage.Channel.WECOM)
        .stream().filter(o -> o.getPayload().contains("重试探针")).findFirst().orElseThrow();
  }

  private long confirm(long planId, Member member, String flow, Long areaId, Long villageId) {
    jdbc.update("INSERT INTO inspections (plan_id, member_id, flow_id, flow_revision, area_id, village_id, status,"
        + " started_at, confirmed_at, confirmed_by) VALUES (?, ?, ?, 1, ?, ?, 'CONFIRMED', ?, ?, ?)", planId,
        member.getId(), flow, areaId, villageId, Timestamp.from(at(28, 10, 0)), Timestamp.from(at(28, 11, 0)),
        member.getName());
    return jdbc.queryForObject("SELECT MAX(id) FROM inspections", Long.class);
  }

  private void assign(long planId, Member member, long villageId, String head) {
    jdbc.update("INSERT INTO household_assignments (plan_id, village_id, household_id, member_id, assigned_at)"
        + " SELECT ?, ?, id, ?, ? FROM households WHERE village_id = ? AND head_name = ?", planId, villageId,
        member.getId(), Timestamp.from(at(28, 9, 0)), villageId, head);
  }

  private void finding(long planId, long inspectionId, Member member, long areaId, long villageId, Instant at) {
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO findings (inspection_id, plan_id, flow_id, flow_revision, node_id,"
          + " answer_key, value_text, display_text, description, evidence_ids, area_id, village_id, member_id,"
          + " inspector_name, recorded_at) VALUES (?, ?, 'village-check', 1, 'n', 'safe_water', 'no', '不达标',"
          + " '饮水不安全', '', ?, ?, ?, ?, ?)");
      ps.setLong(1, inspectionId);
      ps.setLong(2, planId);
      ps.setLong(3, areaId);
      ps.setLong(4, villageId);
      ps.setLong(5, member.getId());
      ps.setString(6, member.getName());
      ps.setTimestamp(7, Timestamp.from(at), utc);
      return ps;
    });
  }

  private List<Reminder> ofRule(String kind) {
    long ruleId = rules.findAll().stream().filter(r -> r.getKind().equals(kind)).findFirst().orElseThrow().getId();
    return reminders.findAll().stream().filter(r -> r.getRuleId() == ruleId).toList();
  }

  private void awaitRounds() {
    long plans = planner.rounds();
    long queues = queue.rounds();
    await().atMost(Duration.ofSeconds(30)).until(() -> planner.rounds() >= plans + 3 && queue.rounds() >= queues + 3);
  }

  private static List<JsonNode> sentContaining(String text) {
    return WECOM.bodies("/cgi-bin/message/send").stream().filter(m -> WeComApiStub.textOf(m).contains(text)).toList();
  }

  private static List<JsonNode> sentStartingWith(String prefix) {
    return WECOM.bodies("/cgi-bin/message/send").stream().filter(m -> WeComApiStub.textOf(m).startsWith(prefix))
        .toList();
  }

  private static Instant at(int october, int hour, int minute) {
    return LocalDate.of(2021, 10, october).atTime(hour, minute).atZone(SHANGHAI).toInstant();
  }
}
