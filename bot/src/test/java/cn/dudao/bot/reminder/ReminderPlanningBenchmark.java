package cn.dudao.bot.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.PlanRepository;
import cn.dudao.bot.testsupport.MutableClock;
import cn.dudao.bot.testsupport.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Plans 100,000 due reminders and reports how long it takes: a synthetic plan of 2,000 teams of 50
 * (one leader, 49 inspectors, one area of five unchecked villages each) on the day before its field period
 * ends, so 98,000 inspectors are due the field reminder and 2,000 leaders the digest. Not part of
 * {@code mvn verify} (the name matches neither test pattern); run it with
 * {@code mvn -o -B verify -pl bot -am -Dit.test=ReminderPlanningBenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false}.
 * The figures are printed and written to {@code bot/target/benchmarks/reminder-planning.txt}.
 */
@SpringBootTest(classes = BotApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "dudao.reminders.plan-interval=1d", "dudao.reminders.queue-interval=1d", "dudao.reminders.initial-delay=1d",
    "logging.level.cn.dudao=WARN"})
@Import(ReminderPlanningBenchmark.FixedClock.class)
class ReminderPlanningBenchmark {

  private static final int TEAMS = 2_000;
  private static final int TEAM_SIZE = 50;
  private static final int VILLAGES_PER_AREA = 5;
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final LocalDate DAY = LocalDate.of(2030, 6, 6);
  private static final Instant NOW = DAY.atTime(7, 0).atZone(SHANGHAI).toInstant();

  @TestConfiguration
  static class FixedClock {
    @Bean
    @Primary
    MutableClock benchmarkClock() {
      return new MutableClock(NOW);
    }
  }

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
  }

  @Autowired
  ReminderPlanner planner;
  @Autowired
  ReminderQueue queue;
  @Autowired
  PlanRepository plans;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  MutableClock clock;
  @Autowired
  FieldPeriodLeft field;
  @Autowired
  LeaderDigest digest;

  @Test
  void planHundredThousandDueReminders() throws IOException {
    long seedStart = System.nanoTime();
    Plan plan = seedPlan();
    double seedSeconds = seconds(seedStart);

    List<String> report = new ArrayList<>();
    report.add("database: " + jdbc.queryForObject("SELECT VERSION()", String.class) + ", cores: "
        + Runtime.getRuntime().availableProcessors() + ", JVM " + System.getProperty("java.version"));
    report.add(String.format("seeded %d members, %d villages in %.1f s", TEAMS * TEAM_SIZE,
        TEAMS * VILLAGES_PER_AREA, seedSeconds));
    for (int run = 1; run <= 3; run++) {
      jdbc.update("DELETE FROM reminders WHERE plan_id = ?", plan.getId());
      long start = System.nanoTime();
      int planned = planner.plan(plan, DAY, NOW);
      double took = seconds(start);
      assertThat(planned).isEqualTo(TEAMS * TEAM_SIZE);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reminders WHERE plan_id = ?", Long.class, plan.getId()))
          .isEqualTo(TEAMS * TEAM_SIZE);
      report.add(String.format("run %d: planned %,d due reminders in %.2f s (%,.0f per second)", run, planned, took,
          planned / took));
    }
    for (ReminderRule rule : List.of(field, digest)) {
      long start = System.nanoTime();
      int n = rule.recipients(plan, DAY).size();
      report.add(String.format("  of which %s finds its %,d recipients in %.2f s", rule.kind(), n, seconds(start)));
    }
    long again = System.nanoTime();
    int replanned = planner.plan(plan, DAY, NOW);
    report.add(String.format("planning again the same day (all recorded already): %d new in %.2f s", replanned,
        seconds(again)));
    assertThat(replanned).isZero();

    List<String> sample = jdbc.queryForList("SELECT wecom_user_id FROM members WHERE plan_id = ? AND role = 'MEMBER'"
        + " ORDER BY id LIMIT 200", String.class, plan.getId());
    long composeStart = System.nanoTime();
    sample.forEach(user -> assertThat(field.compose(plan, user, DAY)).isPresent());
    report.add(String.format("composing 200 field reminders alone: %.1f ms each", seconds(composeStart) * 1000 / 200));

    // Queuing composes each reminder from the data as it is when due: a sample of 2,000 of them.
    jdbc.update("UPDATE reminders SET status = 'SKIPPED' WHERE plan_id = ? AND id NOT IN (SELECT id FROM"
        + " (SELECT id FROM reminders WHERE plan_id = ? ORDER BY id LIMIT 2000) sample)", plan.getId(), plan.getId());
    clock.set(DAY.atTime(20, 0).atZone(SHANGHAI).toInstant());
    long queueStart = System.nanoTime();
    int queued = queue.queueDue();
    report.add(String.format("queue round: composed and queued %,d reminders in %.2f s (%,.0f per second)",
        queued, seconds(queueStart), queued / seconds(queueStart)));
    assertThat(queued).isEqualTo(2000);

    report.forEach(line -> System.out.println("[reminder-planning] " + line));
    Path out = Path.of("target", "benchmarks", "reminder-planning.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
  }

  private Plan seedPlan() {
    plans.save(new Plan("bench-100k", "规划基准方案", "基准县", 2030, DAY.minusDays(5), DAY.plusDays(1), 0,
        DAY.plusDays(10), null));
    Plan plan = plans.findByCode("bench-100k").orElseThrow();
    List<Object[]> teams = new ArrayList<>();
    for (int t = 1; t <= TEAMS; t++) {
      teams.add(new Object[] {plan.getId(), t, "第" + t + "组"});
    }
    jdbc.batchUpdate("INSERT INTO teams (plan_id, team_no, name) VALUES (?, ?, ?)", teams);
    List<Long> teamIds = jdbc.queryForList("SELECT id FROM teams WHERE plan_id = ? ORDER BY team_no", Long.class,
        plan.getId());
    List<Object[]> areas = new ArrayList<>();
    List<Object[]> members = new ArrayList<>();
    for (int t = 0; t < TEAMS; t++) {
      areas.add(new Object[] {plan.getId(), teamIds.get(t), "基准乡" + t, "TOWNSHIP", t});
      for (int m = 0; m < TEAM_SIZE; m++) {
        members.add(new Object[] {plan.getId(), teamIds.get(t), "成员" + t + "-" + m, m == 0 ? "LEADER" : "MEMBER",
            "bench" + t + "x" + m, m});
      }
    }
    jdbc.batchUpdate("INSERT INTO areas (plan_id, team_id, name, kind, sort_order) VALUES (?, ?, ?, ?, ?)", areas);
    jdbc.batchUpdate("INSERT INTO members (plan_id, team_id, name, role, wecom_user_id, sort_order)"
        + " VALUES (?, ?, ?, ?, ?, ?)", members);
    List<Long> areaIds = jdbc.queryForList("SELECT id FROM areas WHERE plan_id = ? ORDER BY sort_order", Long.class,
        plan.getId());
    List<Object[]> villages = new ArrayList<>();
    for (int a = 0; a < areaIds.size(); a++) {
      for (int v = 0; v < VILLAGES_PER_AREA; v++) {
        villages.add(new Object[] {areaIds.get(a), "基准村" + a + "-" + v, v});
      }
    }
    jdbc.batchUpdate("INSERT INTO villages (area_id, name, sort_order) VALUES (?, ?, ?)", villages);
    return plan;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
