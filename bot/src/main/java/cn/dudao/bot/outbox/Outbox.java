package cn.dudao.bot.outbox;

import cn.dudao.bot.inbox.InboundMessage;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues messages inside the caller's transaction, so a message exists if and only if the change that
 * caused it was committed. The dispatcher sends them after the commit. Reminders are queued for waking
 * hours: they, their retries and their delays keep out of quiet hours ({@link SendWindow}).
 */
@Service
public class Outbox {

  /** Published inside the transaction; the dispatcher reacts after commit. */
  public record MessagesQueued() {}

  private final OutboxRepository repository;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final ObjectProvider<SendWindow> window;
  private volatile SendWindow resolvedWindow;
  private final ObjectReader payloadReader;
  private final ObjectWriter payloadWriter;

  public Outbox(OutboxRepository repository, JdbcTemplate jdbc, JsonMapper json, Clock clock,
                ApplicationEventPublisher events, ObjectProvider<SendWindow> window) {
    this.repository = repository;
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
    this.window = window;
    this.payloadReader = json.readerFor(OutgoingMessage.class);
    this.payloadWriter = json.writerFor(OutgoingMessage.class);
  }

  /**
   * Queues one message to go as soon as possible; returns its id: one plain INSERT in the caller's
   * transaction. A reminder held for the morning would keep it waiting (a person's messages go in order),
   * so such reminders go with it: the person is writing to the bot, or being told something, right now.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public long enqueue(InboundMessage.Channel channel, String recipient, OutgoingMessage message) {
    Instant instant = clock.instant();
    LocalDateTime now = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    if (window().mayHold(instant) && holdsReminders(recipient, now)) {
      repository.releaseHeld(recipient, instant);
    }
    String payload = write(message);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_messages (channel, recipient, payload, "
          + "status, attempts, created_at, next_attempt_at, timing) VALUES (?, ?, ?, 'PENDING', 0, ?, ?, 'ANY_TIME')",
          new String[] {"id"});
      insert.setString(1, channel.name());
      insert.setString(2, recipient);
      insert.setString(3, payload);
      insert.setObject(4, now);
      insert.setObject(5, now);
      return insert;
    }, key);
    events.publishEvent(new MessagesQueued());
    return key.getKey().longValue();
  }

  /**
   * Whether a reminder to {@code recipient} is held for the morning: one plain indexed read (every reply
   * in quiet hours asks; a derived Spring Data query here cost a tenth of a node's CPU at night).
   */
  private boolean holdsReminders(String recipient, LocalDateTime now) {
    return !jdbc.queryForList("SELECT id FROM outbox_messages WHERE recipient = ? AND status = 'PENDING' "
        + "AND timing = 'WAKING_HOURS' AND next_attempt_at > ? LIMIT 1", Long.class, recipient, now).isEmpty();
  }

  /** Queues a reminder: neither it nor a retry or delay of it goes in quiet hours. Returns its id. */
  @Transactional(propagation = Propagation.MANDATORY)
  public long enqueueReminder(InboundMessage.Channel channel, String recipient, OutgoingMessage message) {
    Instant now = clock.instant();
    OutboxRecord record = repository.save(new OutboxRecord(channel, recipient, write(message), now,
        OutboxRecord.Timing.WAKING_HOURS, window().earliest(now, recipient)));
    events.publishEvent(new MessagesQueued());
    return record.getId();
  }

  /** When a retry or delayed send of {@code record}, proposed for {@code at}, may happen. */
  Instant sendableAt(OutboxRecord record, Instant at) {
    return record.getTiming() == OutboxRecord.Timing.WAKING_HOURS ? window().earliest(at, record.getRecipient()) : at;
  }

  /** Looked up once found (a bean lookup per reply showed in the profile); ALWAYS while there is none. */
  private SendWindow window() {
    SendWindow found = resolvedWindow;
    if (found == null) {
      found = window.getIfAvailable();
      if (found == null) {
        return SendWindow.ALWAYS;
      }
      resolvedWindow = found;
    }
    return found;
  }

  public OutgoingMessage read(OutboxRecord record) {
    return read(record.getPayload());
  }

  OutgoingMessage read(String payload) {
    return payloadReader.readValue(payload);
  }

  String write(OutgoingMessage message) {
    return payloadWriter.writeValueAsString(message);
  }

  /**
   * Puts a dead letter back in the queue (the console's resend action); it goes out after this commits,
   * in its place in the recipient's order.
   */
  @Transactional
  public void resend(long id) {
    OutboxRecord record = repository.findById(id)
        .orElseThrow(() -> new IllegalArgumentException("no outbox message " + id));
    record.requeue(sendableAt(record, clock.instant()));
    events.publishEvent(new MessagesQueued());
  }
}
