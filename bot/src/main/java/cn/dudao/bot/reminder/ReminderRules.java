package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Plan;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminder rules of a plan as the console shows and edits them: each rule's Chinese name and
 * schedule, and what its latest day brought (planned, queued, when last queued). The planner reads the
 * schedule afresh every round, so a change applies from the next one.
 */
@Service
public class ReminderRules {

  /** Longest spread a rule may have: a whole working day. */
  public static final int MAX_SPREAD_MINUTES = 600;

  /**
   * One rule of a plan.
   *
   * @param lastRunDay   the latest day reminders were planned for (null if never)
   * @param planned      how many were planned that day
   * @param queued       how many of them went to the outbox
   * @param lastQueuedAt when the last one went to the outbox (null if none)
   */
  public record Rule(String kind, String title, boolean enabled, LocalDate firstDay, LocalDate lastDay,
                     LocalTime sendTime, int spreadMinutes, LocalDate lastRunDay, long planned, long queued,
                     Instant lastQueuedAt) {}

  /** A schedule as saved, before and after, for the audit trail. */
  public record Change(String title, String before, String after) {}

  private record Run(LocalDate day, long planned, long queued, Instant lastQueuedAt) {}

  private final RuleSettings settings;
  private final RuleSettingRepository repository;
  private final JdbcTemplate jdbc;

  ReminderRules(RuleSettings settings, RuleSettingRepository repository, JdbcTemplate jdbc) {
    this.settings = settings;
    this.repository = repository;
    this.jdbc = jdbc;
  }

  /** The plan's rules known to this node, in the order they were first set up. */
  public List<Rule> forPlan(Plan plan) {
    Map<Long, Run> runs = latestRuns(plan.getId());
    return settings.forPlan(plan).stream().filter(s -> settings.rule(s.getKind()).isPresent()).map(s -> {
      Run run = runs.get(s.getId());
      return new Rule(s.getKind(), settings.rule(s.getKind()).get().title(), s.isEnabled(), s.getFirstDay(),
          s.getLastDay(), s.getSendTime(), s.getSpreadMinutes(), run == null ? null : run.day(),
          run == null ? 0 : run.planned(), run == null ? 0 : run.queued(), run == null ? null : run.lastQueuedAt());
    }).toList();
  }

  /** Changes one rule's schedule; refuses what the planner could not use. */
  @Transactional
  public Change update(Plan plan, String kind, boolean enabled, LocalDate firstDay, LocalDate lastDay,
                       LocalTime sendTime, int spreadMinutes) {
    ReminderRule rule = settings.rule(kind).orElseThrow(() -> new IllegalArgumentException("没有这条提醒规则：" + kind));
    if (lastDay.isBefore(firstDay) || spreadMinutes < 0 || spreadMinutes > MAX_SPREAD_MINUTES) {
      throw new IllegalArgumentException("提醒规则的日期或分散时间无效");
    }
    settings.forPlan(plan);
    RuleSetting setting = repository.findByPlanIdAndKind(plan.getId(), kind).orElseThrow();
    String before = describe(setting);
    setting.reschedule(firstDay, lastDay, sendTime, spreadMinutes);
    setting.setEnabled(enabled);
    return new Change(rule.title(), before, describe(setting));
  }

  private static String describe(RuleSetting s) {
    return (s.isEnabled() ? "启用" : "停用") + "，" + s.getFirstDay() + " 至 " + s.getLastDay() + "，" + s.getSendTime()
        + " 起分散 " + s.getSpreadMinutes() + " 分钟";
  }

  private Map<Long, Run> latestRuns(long planId) {
    Map<Long, Run> runs = new HashMap<>();
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    jdbc.query("SELECT r.rule_id, r.reminder_day, COUNT(*), SUM(CASE WHEN r.status = 'QUEUED' THEN 1 ELSE 0 END),"
        + " MAX(r.queued_at) FROM reminders r JOIN (SELECT rule_id, MAX(reminder_day) AS last_day FROM reminders"
        + " WHERE plan_id = ? GROUP BY rule_id) m ON m.rule_id = r.rule_id AND m.last_day = r.reminder_day"
        + " GROUP BY r.rule_id, r.reminder_day", rs -> {
          Timestamp last = rs.getTimestamp(5, utc);
          runs.put(rs.getLong(1), new Run(rs.getObject(2, LocalDate.class), rs.getLong(3), rs.getLong(4),
              last == null ? null : last.toInstant()));
        }, planId);
    return runs;
  }
}
