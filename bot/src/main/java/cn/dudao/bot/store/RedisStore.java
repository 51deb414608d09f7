package cn.dudao.bot.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/** {@link KeyValueStore} on Redis through Jedis, shared by every node. */
final class RedisStore implements KeyValueStore, AutoCloseable {

  private static final String COMPARE_AND_DELETE =
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
  private static final String INCREMENT_ALL_WITH_TTL = "for i, key in ipairs(KEYS) do "
      + "if redis.call('incr', key) == 1 then redis.call('pexpire', key, ARGV[i]) end end return #KEYS";

  private final UnifiedJedis jedis;
  private final String namespace;

  RedisStore(UnifiedJedis jedis, String namespace) {
    this.jedis = jedis;
    this.namespace = namespace;
  }

  @Override
  public void close() {
    jedis.close();
  }

  private String k(String key) {
    return namespace + ":" + key;
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(jedis.get(k(key)));
  }

  @Override
  public List<Optional<String>> getAll(List<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    List<String> values = jedis.mget(keys.stream().map(this::k).toArray(String[]::new));
    List<Optional<String>> result = new ArrayList<>(values.size());
    values.forEach(v -> result.add(Optional.ofNullable(v)));
    return result;
  }

  @Override
  public void put(String key, String value, Duration ttl) {
    jedis.set(k(key), value, SetParams.setParams().px(ttl.toMillis()));
  }

  @Override
  public boolean putIfAbsent(String key, String value, Duration ttl) {
    return "OK".equals(jedis.set(k(key), value, SetParams.setParams().nx().px(ttl.toMillis())));
  }

  @Override
  public boolean exists(String key) {
    return jedis.exists(k(key));
  }

  @Override
  public void delete(String key) {
    jedis.del(k(key));
  }

  @Override
  public boolean deleteIfEquals(String key, String expected) {
    Object result = jedis.eval(COMPARE_AND_DELETE, List.of(k(key)), List.of(expected));
    return result instanceof Long n && n > 0;
  }

  @Override
  public Optional<Duration> ttl(String key) {
    long millis = jedis.pttl(k(key));
    return millis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
  }

  @Override
  public void expire(String key, Duration ttl) {
    jedis.pexpire(k(key), ttl.toMillis());
  }

  @Override
  public void incrementAll(List<String> keys, List<Duration> ttls) {
    if (keys.isEmpty()) {
      return;
    }
    jedis.eval(INCREMENT_ALL_WITH_TTL, keys.stream().map(this::k).toList(),
        ttls.stream().map(t -> Long.toString(t.toMillis())).toList());
  }
}
