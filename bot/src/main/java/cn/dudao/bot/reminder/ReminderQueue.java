package cn.dudao.bot.reminder;

import cn.dudao.bot.outbox.Channels;
import cn.dudao.bot.outbox.Outbox;
import cn.dudao.bot.outbox.OutgoingMessage;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.PlanRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands due reminders to the outbox: each is taken (PLANNED to QUEUED, one winner), composed from the
 * data as it is now and queued in the same transaction, so it reaches the outbox exactly once; the outbox
 * then applies the per-member limits and retries, neither of which may place it in quiet hours (it is
 * queued for waking hours). Nothing is queued in quiet hours; a reminder whose time
 * passed more than {@code max-lateness} ago is skipped rather than sent late.
 */
@Component
class ReminderQueue {

  private static final Logger log = LoggerFactory.getLogger(ReminderQueue.class);
  private static final int BATCH = 1000;
  /** Well inside the job's lockAtMostFor (10 minutes). */
  private static final Duration ROUND_TIME = Duration.ofMinutes(3);

  private final ReminderRepository reminders;
  private final RuleSettingRepository settingRows;
  private final RuleSettings settings;
  private final PlanRepository plans;
  private final Outbox outbox;
  private final ReminderProperties properties;
  private final QuietHours quiet;
  private final Channels channels;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final AtomicLong rounds = new AtomicLong();

  ReminderQueue(ReminderRepository reminders, RuleSettingRepository settingRows, RuleSettings settings,
                PlanRepository plans, Outbox outbox, ReminderProperties properties, Channels channels,
                Clock clock, TransactionTemplate tx) {
    this.reminders = reminders;
    this.settingRows = settingRows;
    this.settings = settings;
    this.plans = plans;
    this.outbox = outbox;
    this.properties = properties;
    this.quiet = properties.quietHours();
    this.channels = channels;
    this.clock = clock;
    this.tx = tx;
  }

  @Scheduled(fixedDelayString = "${dudao.reminders.queue-interval:30s}",
      initialDelayString = "${dudao.reminders.initial-delay:20s}")
  @SchedulerLock(name = "reminders-queue", lockAtMostFor = "PT10M",
      lockAtLeastFor = "${dudao.reminders.lock-at-least-for:PT5S}")
  public void scheduledRound() {
    rounds.incrementAndGet();
    try {
      queueDue();
    } catch (RuntimeException e) {
      log.warn("Queuing reminders failed: {}", e.toString());
    }
  }

  /**
   * Queues the reminders due now, a thousand at a time, until none is left or the round has run for
   * {@link #ROUND_TIME} (the next round goes on); returns how many went to the outbox.
   */
  int queueDue() {
    Instant now = clock.instant();
    if (!properties.enabled() || quiet.contains(now)) {
      return 0;
    }
    long deadline = System.nanoTime() + ROUND_TIME.toNanos();
    int queued = 0;
    while (System.nanoTime() < deadline) {
      List<Long> due = reminders.findDueIds(now, Limit.of(BATCH));
      int taken = 0;
      for (Long id : due) {
        try {
          Boolean sent = tx.execute(status -> queue(id, now));
          taken++;
          queued += Boolean.TRUE.equals(sent) ? 1 : 0;
        } catch (RuntimeException e) {
          log.warn("Reminder {} could not be queued: {}", id, e.toString());
        }
      }
      if (due.size() < BATCH || taken == 0) {
        break;
      }
    }
    return queued;
  }

  private boolean queue(long id, Instant now) {
    if (reminders.take(id, now) != 1) {
      return false;
    }
    Reminder reminder = reminders.findById(id).orElseThrow();
    if (now.isAfter(reminder.getDueAt().plus(properties.maxLateness()))) {
      reminder.skip("too late");
      return false;
    }
    RuleSetting setting = settingRows.findById(reminder.getRuleId()).orElseThrow();
    Optional<ReminderRule> rule = settings.rule(setting.getKind());
    Plan plan = plans.findById(reminder.getPlanId()).orElseThrow();
    Optional<String> text = rule.flatMap(r -> r.compose(plan, reminder.getRecipient(), reminder.getReminderDay()));
    if (text.isEmpty()) {
      reminder.skip(rule.isEmpty() ? "rule not installed" : "nothing to say");
      return false;
    }
    reminder.queued(outbox.enqueueReminder(channels.pushChannel(), reminder.getRecipient(),
        OutgoingMessage.text(text.get())));
    return true;
  }

  /** Rounds this node has run (tests wait on it instead of sleeping). */
  long rounds() {
    return rounds.get();
  }
}
