package cn.dudao.bot.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable front door of the conversation path. {@link #accept} records a message before the
 * channel acknowledges it, and drops retries by the database's unique dedupe key (WeCom retries a
 * callback three times when it gets no answer in 5 s). The ack path touches nothing but that one
 * statement: a look in the shared store before it and a mark after it cost two Redis round trips per
 * callback (6 % of a node's CPU under load, deploy/BENCHMARKS.md round 4) to spare the database only
 * the rare retry, which its unique key refuses anyway.
 */
@Service
public class Inbox {

  /** The outcome of {@link #accept}. */
  public enum Outcome { ACCEPTED, DUPLICATE }

  /** Published after a message is recorded, so a worker on this node applies it at once. */
  public record MessageRecorded(String userId, InboundMessage.Kind kind) {}

  /**
   * One plain statement on the ack path: the Spring Data/Hibernate route (entity, persistence context,
   * flush) cost more CPU than the whole rest of the callback (deploy/BENCHMARKS.md). Timestamps are
   * written as UTC wall-clock, as Hibernate writes them with {@code hibernate.jdbc.time_zone: UTC}.
   */
  private static final String INSERT = "INSERT INTO inbound_messages (dedupe_key, channel, user_id, sent_at, "
      + "received_at, kind, payload, status, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0)";

  private final JdbcTemplate jdbc;
  private final ObjectReader payloadReader;
  private final ObjectWriter payloadWriter;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public Inbox(JdbcTemplate jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    // Built once: every callback writes a payload and every step reads one.
    this.payloadReader = json.readerFor(InboundMessage.class);
    this.payloadWriter = json.writerFor(InboundMessage.class);
    this.clock = clock;
    this.events = events;
  }

  public Outcome accept(InboundMessage message) {
    try {
      // Auto-commit: the row is durable when update() returns, before the channel acknowledges.
      jdbc.update(INSERT, message.dedupeKey(), message.channel().name(), message.userId(),
          utc(message.createdAt()), utc(clock.instant()), message.kind().name(), payloadWriter.writeValueAsString(message));
    } catch (DuplicateKeyException duplicate) {
      // the only unique key is the dedupe key: a retry recorded by this or another node
      return Outcome.DUPLICATE;
    }
    events.publishEvent(new MessageRecorded(message.userId(), message.kind()));
    return Outcome.ACCEPTED;
  }

  /** A person's earliest pending message, and whether another one waits behind it. */
  public record Head(InboundRecord record, boolean more) {}

  /**
   * The next message of a person to apply: the earliest he sent, and whether more wait (so a drain
   * stops without a further transaction that would only find nothing). Read inside the conversation
   * transaction, under his row lock; the row is not managed by JPA ({@link #markDone} records the outcome).
   */
  public Optional<Head> nextPending(String userId) {
    List<InboundRecord> head = jdbc.query("SELECT id, dedupe_key, channel, user_id, sent_at, received_at, kind, "
            + "payload, attempts FROM inbound_messages WHERE user_id = ? AND status = 'PENDING' "
            + "ORDER BY sent_at, id LIMIT 2",
        (rs, i) -> InboundRecord.pending(rs.getLong(1), rs.getString(2), InboundMessage.Channel.valueOf(rs.getString(3)),
            rs.getString(4), instant(rs.getObject(5, LocalDateTime.class)), instant(rs.getObject(6, LocalDateTime.class)),
            rs.getString(7), rs.getString(8), rs.getInt(9)), userId);
    return head.isEmpty() ? Optional.empty() : Optional.of(new Head(head.get(0), head.size() > 1));
  }

  /** Marks a message applied, in the caller's transaction. */
  public void markDone(InboundRecord record, Instant at) {
    jdbc.update("UPDATE inbound_messages SET status = 'DONE', processed_at = ? WHERE id = ?", utc(at), record.getId());
    record.markDone(at);
  }

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }

  static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  public InboundMessage read(InboundRecord record) {
    return payloadReader.readValue(record.getPayload());
  }
}
