package cn.dudao.bot.inbox;

import cn.dudao.bot.store.KeyValueStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable front door of the conversation path. {@link #accept} records a message before the
 * channel acknowledges it, and drops retries: a quick look in the shared store first, the database's
 * unique dedupe key as the guarantee (WeCom retries a callback three times when it gets no answer in 5 s).
 */
@Service
public class Inbox {

  /** How long a seen message is remembered in the shared store; WeCom retries within seconds. */
  static final Duration SEEN_TTL = Duration.ofMinutes(30);

  /** The outcome of {@link #accept}. */
  public enum Outcome { ACCEPTED, DUPLICATE }

  /** Published after a message is recorded, so a worker on this node applies it at once. */
  public record MessageRecorded(String userId) {}

  /**
   * One plain statement on the ack path: the Spring Data/Hibernate route (entity, persistence context,
   * flush) cost more CPU than the whole rest of the callback (deploy/BENCHMARKS.md). Timestamps are
   * written as UTC wall-clock, as Hibernate writes them with {@code hibernate.jdbc.time_zone: UTC}.
   */
  private static final String INSERT = "INSERT INTO inbound_messages (dedupe_key, channel, user_id, sent_at, "
      + "received_at, kind, payload, status, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0)";

  private final JdbcTemplate jdbc;
  private final KeyValueStore store;
  private final JsonMapper json;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public Inbox(JdbcTemplate jdbc, KeyValueStore store, JsonMapper json, Clock clock,
               ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.store = store;
    this.json = json;
    this.clock = clock;
    this.events = events;
  }

  public Outcome accept(InboundMessage message) {
    String seenKey = "inbound:" + message.dedupeKey();
    if (seenBefore(seenKey)) {
      return Outcome.DUPLICATE;
    }
    try {
      // Auto-commit: the row is durable when update() returns, before the channel acknowledges.
      jdbc.update(INSERT, message.dedupeKey(), message.channel().name(), message.userId(),
          utc(message.createdAt()), utc(clock.instant()), message.kind().name(), json.writeValueAsString(message));
    } catch (DuplicateKeyException duplicate) {
      // the only unique key is the dedupe key: a retry recorded by this or another node
      markSeen(seenKey);
      return Outcome.DUPLICATE;
    }
    markSeen(seenKey);
    events.publishEvent(new MessageRecorded(message.userId()));
    return Outcome.ACCEPTED;
  }

  static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  public InboundMessage read(InboundRecord record) {
    return json.readValue(record.getPayload(), InboundMessage.class);
  }

  /** The shared store is an optimisation only: when it is down, the database still dedupes. */
  private boolean seenBefore(String key) {
    try {
      return store.exists(key);
    } catch (RuntimeException storeDown) {
      return false;
    }
  }

  private void markSeen(String key) {
    try {
      store.put(key, "1", SEEN_TTL);
    } catch (RuntimeException storeDown) {
      // the unique key in inbound_messages still rejects the retry
    }
  }
}
