package cn.dudao.bot.outbox;

import cn.dudao.bot.store.KeyValueStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Per-member send counters in fixed minute and hour windows, shared by all nodes through the store.
 * {@link #tryTake} answers when the next message may go if the budget is spent now.
 */
@Component
class SendBudget {

  private final KeyValueStore store;
  private final OutboxProperties properties;
  private final Clock clock;

  SendBudget(KeyValueStore store, OutboxProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  /** Empty when a message may go now; otherwise the instant the window reopens. */
  Optional<Instant> tryTake(String recipient) {
    Instant now = clock.instant();
    long minute = now.getEpochSecond() / 60;
    long hour = now.getEpochSecond() / 3600;
    String hourKey = "sendcount:h:" + recipient + ":" + hour;
    if (store.get(hourKey).map(Long::parseLong).orElse(0L) >= properties.perMemberPerHour()) {
      return Optional.of(Instant.ofEpochSecond((hour + 1) * 3600));
    }
    long inMinute = store.increment("sendcount:m:" + recipient + ":" + minute, Duration.ofMinutes(2));
    if (inMinute > properties.perMemberPerMinute()) {
      return Optional.of(Instant.ofEpochSecond((minute + 1) * 60));
    }
    store.increment(hourKey, Duration.ofHours(2));
    return Optional.empty();
  }
}
