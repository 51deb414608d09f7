package cn.dudao.bot.store;

import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
      return new RedisStore(new JedisPooled(URI.create(properties.url())), properties.namespace());
    }
    log.info("Shared state in process (single node only): {}", properties);
    return new LocalStore(clock);
  }
}
