package cn.dudao.bot.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where shared state lives ({@code dudao.redis.*}). With no URL, Dudao keeps it in process: right for
 * one node, wrong for several (the README says so).
 *
 * @param url       a Redis URL such as {@code redis://127.0.0.1:6379/0}; blank for the in-process store
 * @param namespace the first segment of every key, {@code dudao} by default (tests use their own)
 * @param poolSize  connections to Redis one node may hold (Jedis's default of 8 starved the acks when they
 *                  still used Redis; the outbox senders and WeCom token reads are its users now)
 */
@ConfigurationProperties("dudao.redis")
public record StoreProperties(String url, @DefaultValue("dudao") String namespace, @DefaultValue("64") int poolSize) {

  public boolean redisEnabled() {
    return url != null && !url.isBlank();
  }

  @Override
  public String toString() {
    return "StoreProperties[redis=" + (redisEnabled() ? redact(url) : "(in-process)") + ", namespace=" + namespace + "]";
  }

  private static String redact(String url) {
    return url.replaceAll("//[^@/]*@", "//******@");
  }
}
