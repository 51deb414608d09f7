package cn.dudao.bot.wecom;

import cn.dudao.bot.store.KeyValueStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import me.chanjar.weixin.common.redis.WxRedisOps;

/**
 * WxJava's Redis operations on Dudao's {@link KeyValueStore}, so every node shares one access token
 * and one refresh lock. WxJava's own Jedis classes are compiled against Jedis 3 and fail on Jedis 7.
 */
final class StoreRedisOps implements WxRedisOps {

  private final KeyValueStore store;

  StoreRedisOps(KeyValueStore store) {
    this.store = store;
  }

  @Override
  public String getValue(String key) {
    return store.get(key).orElse(null);
  }

  @Override
  public void setValue(String key, String value, int expire, TimeUnit timeUnit) {
    store.put(key, value, Duration.ofMillis(timeUnit.toMillis(expire)));
  }

  /** Seconds to live, as WxJava expects; -2 when absent. */
  @Override
  public Long getExpire(String key) {
    return store.ttl(key).map(Duration::toSeconds).orElse(-2L);
  }

  @Override
  public void expire(String key, int expire, TimeUnit timeUnit) {
    store.expire(key, Duration.ofMillis(timeUnit.toMillis(expire)));
  }

  @Override
  public Lock getLock(String key) {
    return new StoreLock(store, key);
  }
}
