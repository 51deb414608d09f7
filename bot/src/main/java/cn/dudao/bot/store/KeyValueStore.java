package cn.dudao.bot.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The small shared key-value store Dudao needs across nodes: the WeCom access tokens (and the lock
 * that refreshes them) and the per-member send counters. Redis in a cluster; an in-process map for the
 * single-node embedded default. Keys follow {@code dudao:<kind>:<id>}; the store adds its namespace.
 */
public interface KeyValueStore {

  Optional<String> get(String key);

  /** The values of several keys, in their order; one round trip where the store allows it. */
  default List<Optional<String>> getAll(List<String> keys) {
    List<Optional<String>> values = new ArrayList<>(keys.size());
    keys.forEach(key -> values.add(get(key)));
    return values;
  }

  void put(String key, String value, Duration ttl);

  /** Stores the value only if the key is absent; true when stored. */
  boolean putIfAbsent(String key, String value, Duration ttl);

  boolean exists(String key);

  void delete(String key);

  /** Deletes the key only if it still holds {@code expected}; true when deleted. */
  boolean deleteIfEquals(String key, String expected);

  /** Remaining time to live, or empty when the key is absent or has none. */
  Optional<Duration> ttl(String key);

  /** Sets a new time to live on an existing key. */
  void expire(String key, Duration ttl);

  /**
   * Increments several counters, each starting its life with its own time to live (never extended by a
   * later increment); one round trip where the store allows it.
   */
  void incrementAll(List<String> keys, List<Duration> ttls);
}
