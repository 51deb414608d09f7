package cn.dudao.bot.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link KeyValueStore} in this JVM, for the single-node embedded default only. Entries expire lazily
 * on access and are swept when the map grows.
 */
final class LocalStore implements KeyValueStore {

  private record Entry(String value, Instant expiresAt) {
    boolean alive(Instant now) {
      return expiresAt == null || now.isBefore(expiresAt);
    }
  }

  private static final int SWEEP_THRESHOLD = 50_000;

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  LocalStore(Clock clock) {
    this.clock = clock;
  }

  private Entry live(String key) {
    Entry e = entries.get(key);
    if (e != null && !e.alive(clock.instant())) {
      entries.remove(key, e);
      return null;
    }
    return e;
  }

  private Instant expiry(Duration ttl) {
    return ttl == null ? null : clock.instant().plus(ttl);
  }

  private void sweepIfLarge() {
    if (entries.size() > SWEEP_THRESHOLD) {
      Instant now = clock.instant();
      entries.entrySet().removeIf(e -> !e.getValue().alive(now));
    }
  }

  @Override
  public Optional<String> get(String key) {
    Entry e = live(key);
    return e == null ? Optional.empty() : Optional.of(e.value());
  }

  @Override
  public void put(String key, String value, Duration ttl) {
    sweepIfLarge();
    entries.put(key, new Entry(value, expiry(ttl)));
  }

  @Override
  public boolean putIfAbsent(String key, String value, Duration ttl) {
    sweepIfLarge();
    Entry fresh = new Entry(value, expiry(ttl));
    Instant now = clock.instant();
    Entry result = entries.compute(key, (k, old) -> old == null || !old.alive(now) ? fresh : old);
    return result == fresh;
  }

  @Override
  public boolean exists(String key) {
    return live(key) != null;
  }

  @Override
  public void delete(String key) {
    entries.remove(key);
  }

  @Override
  public boolean deleteIfEquals(String key, String expected) {
    Entry e = live(key);
    return e != null && e.value().equals(expected) && entries.remove(key, e);
  }

  @Override
  public Optional<Duration> ttl(String key) {
    Entry e = live(key);
    if (e == null || e.expiresAt() == null) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(clock.instant(), e.expiresAt()));
  }

  @Override
  public void expire(String key, Duration ttl) {
    entries.computeIfPresent(key, (k, old) -> new Entry(old.value(), expiry(ttl)));
  }

  @Override
  public void incrementAll(List<String> keys, List<Duration> ttls) {
    Instant now = clock.instant();
    for (int i = 0; i < keys.size(); i++) {
      Duration ttl = ttls.get(i);
      entries.compute(keys.get(i), (k, old) -> old == null || !old.alive(now)
          ? new Entry("1", expiry(ttl))
          : new Entry(Long.toString(Long.parseLong(old.value()) + 1), old.expiresAt()));
    }
  }
}
