package cn.dudao.bot.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dudao.bot.testsupport.MutableClock;
import cn.dudao.bot.testsupport.Nodes;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two bot nodes (two application contexts) on one MariaDB database and one Redis namespace, with one
 * clock the test moves through the seeded plan's last field days: every reminder reaches WeCom exactly
 * once, whether the jobs run under ShedLock on their schedules or are called on both nodes at once.
 */
class ReminderClusterIT {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** The seeded plan's 16 inspectors (its two team leaders get the digest instead). */
  private static final int INSPECTORS = 16;
  private static final WeComApiStub WECOM = new WeComApiStub().start();
  private static final MutableClock CLOCK = new MutableClock(at(29, 8, 0));
  private static Nodes nodes;
  private static ConfigurableApplicationContext a;
  private static ConfigurableApplicationContext b;

  @BeforeAll
  static void startTwoNodes() {
    nodes = new Nodes(TestServices.sharedProperties(), CLOCK);
    List<String> properties = new ArrayList<>(List.of(WeComCallbacks.springProperties()));
    properties.addAll(List.of("dudao.wecom.api-base-url=" + WECOM.baseUrl(),
        "dudao.reminders.plan-interval=200ms", "dudao.reminders.queue-interval=200ms",
        "dudao.reminders.initial-delay=0s", "dudao.reminders.lock-at-least-for=PT0.05S",
        "dudao.outbox.poll-interval=200ms"));
    a = nodes.start(properties.toArray(String[]::new));
    b = nodes.start(properties.toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    nodes.close();
    WECOM.stop();
  }

  @Test
  void eachReminderIsSentExactlyOnceAcrossTwoNodes() {
    // 08:00 on 29 October: the field reminders are planned for 08:10-08:50, the digests for the evening.
    awaitMoreRounds(ReminderPlanner.class, ReminderPlanner::rounds, 4);
    awaitMoreRounds(ReminderQueue.class, ReminderQueue::rounds, 4);
    List<Reminder> planned = reminders().findAll();
    assertThat(planned).hasSize(INSPECTORS + 2);
    assertThat(planned).allSatisfy(r -> {
      ZonedDateTime due = r.getDueAt().atZone(SHANGHAI);
      assertThat(SendSlots.nearHalfHour(due)).as("due %s", due).isFalse();
      assertThat(r.getStatus()).isEqualTo(Reminder.Status.PLANNED);
    });
    assertThat(fieldReminders()).isEmpty();

    CLOCK.set(at(29, 9, 0));
    await().atMost(Duration.ofSeconds(30)).until(() -> fieldReminders().size() >= INSPECTORS);
    awaitMoreRounds(ReminderPlanner.class, ReminderPlanner::rounds, 6);
    awaitMoreRounds(ReminderQueue.class, ReminderQueue::rounds, 6);
    awaitOutboxEmpty();
    Map<String, Long> perInspector = countByRecipient(fieldReminders());
    assertThat(perInspector).hasSize(INSPECTORS).allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1));
    assertThat(perInspector).doesNotContainKeys("tanjinhua", "hanzhiqiang").containsKeys("lvliping", "wangcheng");
    assertThat(WeComApiStub.textOf(WECOM.messagesTo("lvliping").get(0)))
        .contains("吕利平您好").contains("10月31日结束").contains("未完成村级核查的村（10个）").contains("右卫镇 右卫示例一村")
        .doesNotContain("新城镇");

    // Past ShedLock: both nodes plan and queue at once from several threads; the database still decides.
    CLOCK.set(at(29, 19, 0));
    List<CompletableFuture<Integer>> racing = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      for (ConfigurableApplicationContext node : List.of(a, b)) {
        racing.add(CompletableFuture.supplyAsync(() -> node.getBean(ReminderPlanner.class).planDue()));
        racing.add(CompletableFuture.supplyAsync(() -> node.getBean(ReminderQueue.class).queueDue()));
      }
    }
    racing.forEach(CompletableFuture::join);
    await().atMost(Duration.ofSeconds(30)).until(() -> digests().size() >= 2);
    awaitMoreRounds(ReminderQueue.class, ReminderQueue::rounds, 6);
    awaitOutboxEmpty();
    assertThat(countByRecipient(digests())).containsOnly(Map.entry("tanjinhua", 1L), Map.entry("hanzhiqiang", 1L));
    assertThat(WeComApiStub.textOf(WECOM.messagesTo("tanjinhua").get(0))).startsWith("【督导日报】第一组 · 10月29日")
        .contains("村级核查：已完成 0/10 个村").contains("· 杀虎口风景名胜区");

    // The next day brings the next round of field reminders, again one each.
    CLOCK.set(at(30, 9, 0));
    await().atMost(Duration.ofSeconds(30)).until(() -> fieldReminders().size() >= 2 * INSPECTORS);
    awaitMoreRounds(ReminderPlanner.class, ReminderPlanner::rounds, 6);
    awaitMoreRounds(ReminderQueue.class, ReminderQueue::rounds, 6);
    awaitOutboxEmpty();
    assertThat(countByRecipient(fieldReminders())).hasSize(INSPECTORS)
        .allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(2));
    assertThat(WECOM.bodies("/cgi-bin/message/send")).hasSize(2 * INSPECTORS + 2);

    JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
    assertThat(jdbc.queryForList("SELECT name FROM shedlock", String.class))
        .contains("reminders-plan", "reminders-queue");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reminders WHERE status = 'QUEUED'", Long.class))
        .isEqualTo(2L * INSPECTORS + 2);
  }

  private static Instant at(int october, int hour, int minute) {
    return LocalDate.of(2021, 10, october).atTime(LocalTime.of(hour, minute)).atZone(SHANGHAI).toInstant();
  }

  private static ReminderRepository reminders() {
    return a.getBean(ReminderRepository.class);
  }

  private static List<JsonNode> sent() {
    return WECOM.bodies("/cgi-bin/message/send");
  }

  private static List<JsonNode> fieldReminders() {
    return sent().stream().filter(m -> WeComApiStub.textOf(m).startsWith("【督导提醒】")).toList();
  }

  private static List<JsonNode> digests() {
    return sent().stream().filter(m -> WeComApiStub.textOf(m).startsWith("【督导日报】")).toList();
  }

  private static Map<String, Long> countByRecipient(List<JsonNode> messages) {
    return messages.stream().collect(Collectors.groupingBy(m -> m.path("touser").asString(), Collectors.counting()));
  }

  /** Waits until the two nodes together ran {@code more} further rounds of a job. */
  private static <T> void awaitMoreRounds(Class<T> job, ToLongFunction<T> rounds, int more) {
    Function<ConfigurableApplicationContext, Long> of = node -> rounds.applyAsLong(node.getBean(job));
    long start = of.apply(a) + of.apply(b);
    await().atMost(Duration.ofSeconds(30)).until(() -> of.apply(a) + of.apply(b) >= start + more);
  }

  private static void awaitOutboxEmpty() {
    JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM outbox_messages WHERE status = 'PENDING'", Long.class) == 0);
  }
}
