package cn.dudao.bot.reminder;

import cn.dudao.bot.outbox.SendWindow;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The outbox's window for reminders: a retry or a delayed send that would fall in quiet hours goes in
 * the half hour after they end instead, spread per person like planned reminders ({@link SendSlots}).
 */
@Component
class QuietSendWindow implements SendWindow {

  /**
   * The longest an outbox retry or delay pushes a message (backoff 5 min, the hour budget's bucket
   * 10 min): a reminder can be held only from this long before quiet hours until its spread after them.
   */
  static final Duration LONGEST_DELAY = Duration.ofMinutes(15);

  private final QuietHours quiet;
  private final SendSlots slots;

  QuietSendWindow(ReminderProperties properties) {
    this.quiet = properties.quietHours();
    this.slots = new SendSlots(quiet);
  }

  @Override
  public Instant earliest(Instant at, String recipient) {
    return slots.outOfQuietHours(at, recipient);
  }

  @Override
  public boolean mayHold(Instant now) {
    return quiet.contains(now) || quiet.contains(now.plus(LONGEST_DELAY))
        || quiet.contains(now.minus(SendSlots.AFTER_QUIET_SPREAD).minus(Duration.ofMinutes(3)));
  }
}
