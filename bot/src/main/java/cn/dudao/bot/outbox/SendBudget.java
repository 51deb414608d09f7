package cn.dudao.bot.outbox;

import cn.dudao.bot.store.KeyValueStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Per-member send counters shared by all nodes through the store. WeCom does not say whether its
 * windows (30 a minute, 1000 an hour) are fixed or sliding, and it drops the excess silently, so each
 * limit is held over a span longer than its window: counts live in buckets (10 s for the minute limit,
 * 10 min for the hour limit) and a message may go only while the last seven buckets (70 s, 70 min) hold
 * fewer than the limit. Every sliding minute (hour) lies inside such a span. A recipient has at most one
 * message in flight (the dispatcher's strict order), so reading before counting does not race.
 */
@Component
class SendBudget {

  private record Window(String name, long bucketSeconds, int buckets) {
    long bucket(Instant now) {
      return Math.floorDiv(now.getEpochSecond(), bucketSeconds);
    }

    /** Kept a little longer than the span it is read in. */
    Duration ttl() {
      return Duration.ofSeconds(bucketSeconds * (buckets + 2));
    }
  }

  private static final Window MINUTE = new Window("m", 10, 7);
  private static final Window HOUR = new Window("h", 600, 7);

  private final KeyValueStore store;
  private final OutboxProperties properties;
  private final Clock clock;

  SendBudget(KeyValueStore store, OutboxProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  /** Empty when a message may go now (and counts it); otherwise the instant to try again. */
  Optional<Instant> tryTake(String recipient) {
    Instant now = clock.instant();
    for (Window window : new Window[] {MINUTE, HOUR}) {
      if (used(recipient, window, now) >= limit(window)) {
        return Optional.of(Instant.ofEpochSecond((window.bucket(now) + 1) * window.bucketSeconds()));
      }
    }
    store.increment(key(recipient, MINUTE, MINUTE.bucket(now)), MINUTE.ttl());
    store.increment(key(recipient, HOUR, HOUR.bucket(now)), HOUR.ttl());
    return Optional.empty();
  }

  /** How many more messages may go to the recipient right now. */
  int remaining(String recipient) {
    Instant now = clock.instant();
    long minute = limit(MINUTE) - used(recipient, MINUTE, now);
    long hour = limit(HOUR) - used(recipient, HOUR, now);
    return (int) Math.max(0, Math.min(minute, hour));
  }

  /** The window's buckets in one store round trip (fourteen reads per send before). */
  private long used(String recipient, Window window, Instant now) {
    long current = window.bucket(now);
    List<String> keys = new ArrayList<>(window.buckets());
    for (long b = current - window.buckets() + 1; b <= current; b++) {
      keys.add(key(recipient, window, b));
    }
    long sum = 0;
    for (Optional<String> count : store.getAll(keys)) {
      sum += count.map(Long::parseLong).orElse(0L);
    }
    return sum;
  }

  private int limit(Window window) {
    return window == MINUTE ? properties.perMemberPerMinute() : properties.perMemberPerHour();
  }

  private static String key(String recipient, Window window, long bucket) {
    return "sendcount:" + window.name() + ":" + recipient + ":" + bucket;
  }
}
