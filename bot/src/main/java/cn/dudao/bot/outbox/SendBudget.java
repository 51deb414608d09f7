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
  private static final List<Window> WINDOWS = List.of(MINUTE, HOUR);

  private final KeyValueStore store;
  private final OutboxProperties properties;
  private final Clock clock;

  SendBudget(KeyValueStore store, OutboxProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Empty when a message may go now (and counts it); otherwise the instant to try again. Two store round
   * trips: both windows' buckets in one read, both counts in one write.
   */
  Optional<Instant> tryTake(String recipient) {
    Instant now = clock.instant();
    long[] used = used(recipient, now);
    for (int w = 0; w < WINDOWS.size(); w++) {
      Window window = WINDOWS.get(w);
      if (used[w] >= limit(window)) {
        return Optional.of(Instant.ofEpochSecond((window.bucket(now) + 1) * window.bucketSeconds()));
      }
    }
    store.incrementAll(List.of(key(recipient, MINUTE, MINUTE.bucket(now)), key(recipient, HOUR, HOUR.bucket(now))),
        List.of(MINUTE.ttl(), HOUR.ttl()));
    return Optional.empty();
  }

  /** How many more messages may go to the recipient right now. */
  int remaining(String recipient) {
    long[] used = used(recipient, clock.instant());
    return (int) Math.max(0, Math.min(limit(MINUTE) - used[0], limit(HOUR) - used[1]));
  }

  /** What each window's buckets hold, in the order of {@link #WINDOWS}: one store round trip for both. */
  private long[] used(String recipient, Instant now) {
    List<String> keys = new ArrayList<>(MINUTE.buckets() + HOUR.buckets());
    for (Window window : WINDOWS) {
      long current = window.bucket(now);
      for (long b = current - window.buckets() + 1; b <= current; b++) {
        keys.add(key(recipient, window, b));
      }
    }
    List<Optional<String>> counts = store.getAll(keys);
    long[] sums = new long[WINDOWS.size()];
    int i = 0;
    for (int w = 0; w < WINDOWS.size(); w++) {
      for (int b = 0; b < WINDOWS.get(w).buckets(); b++) {
        sums[w] += counts.get(i++).map(Long::parseLong).orElse(0L);
      }
    }
    return sums;
  }

  private int limit(Window window) {
    return window == MINUTE ? properties.perMemberPerMinute() : properties.perMemberPerHour();
  }

  private static String key(String recipient, Window window, long bucket) {
    return "sendcount:" + window.name() + ":" + recipient + ":" + bucket;
  }
}
