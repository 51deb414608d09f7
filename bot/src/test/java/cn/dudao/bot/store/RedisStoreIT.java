package cn.dudao.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.bot.testsupport.TestServices;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * The store's batched calls on a real Redis: {@link RedisStore#incrementAll} counts every key in one
 * round trip and gives each its own time to live when it is created, never extending it afterwards (the
 * send budget's buckets must lapse on time), and {@link RedisStore#getAll} reads them back in order.
 */
class RedisStoreIT {

  private final Map<String, String> services = TestServices.freshServices();
  private final RedisStore store = new RedisStore(new JedisPooled(URI.create(services.get("dudao.redis.url"))),
      services.get("dudao.redis.namespace"));

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void incrementAllCountsEachKeyAndSetsItsOwnTtlOnlyWhenCreated() {
    List<String> keys = List.of("sendcount:m:u1:1", "sendcount:h:u1:1");

    store.incrementAll(keys, List.of(Duration.ofSeconds(90), Duration.ofSeconds(5400)));
    Duration minuteTtl = store.ttl(keys.get(0)).orElseThrow();
    store.expire(keys.get(1), Duration.ofSeconds(100));
    store.incrementAll(keys, List.of(Duration.ofSeconds(90), Duration.ofSeconds(5400)));

    assertThat(store.getAll(List.of(keys.get(0), "sendcount:m:u1:absent", keys.get(1))))
        .containsExactly(Optional.of("2"), Optional.empty(), Optional.of("2"));
    assertThat(minuteTtl).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(90));
    assertThat(store.ttl(keys.get(1)).orElseThrow()).as("a second increment keeps the lapse where it was")
        .isBetween(Duration.ofSeconds(90), Duration.ofSeconds(100));
  }
}
