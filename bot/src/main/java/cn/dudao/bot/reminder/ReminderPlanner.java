package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.PlanRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Plans the reminders due today: for every active plan and every rule that runs today, who gets one and
 * when (its send slot), recorded once per rule, recipient and day. Runs on one node at a time (ShedLock,
 * database time); the unique key keeps each reminder single even if two rounds overlapped.
 */
@Component
class ReminderPlanner {

  private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);

  private final PlanRepository plans;
  private final RuleSettings settings;
  private final ReminderRepository reminders;
  private final ReminderRows rows;
  private final ReminderProperties properties;
  private final SendSlots slots;
  private final Clock clock;
  private final AtomicLong rounds = new AtomicLong();

  ReminderPlanner(PlanRepository plans, RuleSettings settings, ReminderRepository reminders, ReminderRows rows,
                  ReminderProperties properties, Clock clock) {
    this.plans = plans;
    this.settings = settings;
    this.reminders = reminders;
    this.rows = rows;
    this.properties = properties;
    this.slots = new SendSlots(properties.quietHours());
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${dudao.reminders.plan-interval:5m}",
      initialDelayString = "${dudao.reminders.initial-delay:20s}")
  @SchedulerLock(name = "reminders-plan", lockAtMostFor = "PT30M",
      lockAtLeastFor = "${dudao.reminders.lock-at-least-for:PT5S}")
  public void scheduledRound() {
    rounds.incrementAndGet();
    try {
      planDue();
    } catch (RuntimeException e) {
      log.warn("Planning reminders failed: {}", e.toString());
    }
  }

  /** Plans today's reminders of every active plan; returns how many were newly planned. */
  int planDue() {
    if (!properties.enabled()) {
      return 0;
    }
    Instant now = clock.instant();
    LocalDate today = now.atZone(properties.zone()).toLocalDate();
    int planned = 0;
    for (Plan plan : plans.findByActiveTrueOrderByIdDesc()) {
      planned += plan(plan, today, now);
    }
    return planned;
  }

  int plan(Plan plan, LocalDate day, Instant now) {
    int planned = 0;
    for (RuleSetting setting : settings.forPlan(plan)) {
      if (!setting.covers(day)) {
        continue;
      }
      ReminderRule rule = settings.rule(setting.getKind()).orElse(null);
      if (rule == null) {
        continue;
      }
      Set<String> already = new HashSet<>(reminders.recipientsPlanned(setting.getId(), day));
      List<ReminderRows.Row> fresh = new ArrayList<>();
      for (String recipient : rule.recipients(plan, day)) {
        if (recipient != null && !recipient.isBlank() && already.add(recipient)) {
          fresh.add(new ReminderRows.Row(setting.getId(), plan.getId(), recipient, day,
              slots.slot(day, setting.getSendTime(), setting.getSpreadMinutes(), setting.getId() + "|" + recipient)));
        }
      }
      rows.insert(fresh, now);
      planned += fresh.size();
    }
    if (planned > 0) {
      log.info("Planned {} reminders of plan {} for {}", planned, plan.getCode(), day);
    }
    return planned;
  }

  /** Rounds this node has run (tests wait on it instead of sleeping). */
  long rounds() {
    return rounds.get();
  }
}
