package cn.dudao.bot.outbox;

import java.time.Instant;

/**
 * When a message that must not wake anyone ({@link OutboxRecord.Timing#WAKING_HOURS}, a reminder) may
 * go. The reminder feature supplies it from its quiet hours; without one, any time is fine.
 */
public interface SendWindow {

  /** Any time at all. */
  SendWindow ALWAYS = new SendWindow() {
    @Override
    public Instant earliest(Instant at, String recipient) {
      return at;
    }

    @Override
    public boolean mayHold(Instant now) {
      return false;
    }
  };

  /** The first instant at or after {@code at} such a message to {@code recipient} may go. */
  Instant earliest(Instant at, String recipient);

  /** False when no message can be held back at {@code now}, so nothing needs releasing. */
  boolean mayHold(Instant now);
}
