package cn.dudao.bot.store;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;

/** Picks Redis when {@code dudao.redis.url} is set, the in-process store otherwise. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
class StoreConfiguration {

  private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

  /** Closed by Spring on shutdown (inferred {@code close}). */
  @Bean
  KeyValueStore keyValueStore(StoreProperties properties, Clock clock) {
    if (properties.redisEnabled()) {
      log.info("Shared state in Redis: {}", properties);
      return new RedisStore(new JedisPooled(pool(properties.poolSize()), URI.create(properties.url())),
          properties.namespace());
    }
    log.info("Shared state in process (single node only): {}", properties);
    return new LocalStore(clock);
  }

  /**
   * Jedis's default pool holds 8 connections: under load the request threads (seen mark), the
   * conversation workers (state cache) and the outbox senders (send budget) queued for them and acks
   * took seconds (deploy/BENCHMARKS.md). A borrower waits at most two seconds, then the caller treats
   * the store as down (every use of the store has that path).
   */
  private static ConnectionPoolConfig pool(int size) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(size);
    pool.setMaxIdle(size);
    pool.setMinIdle(0);
    pool.setMaxWait(Duration.ofSeconds(2));
    return pool;
  }
}
