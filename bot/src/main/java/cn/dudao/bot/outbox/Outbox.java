package cn.dudao.bot.outbox;

import cn.dudao.bot.inbox.InboundMessage;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues messages inside the caller's transaction, so a message exists if and only if the change that
 * caused it was committed. The dispatcher sends them after the commit.
 */
@Service
public class Outbox {

  /** Published inside the transaction; the dispatcher reacts after commit. */
  public record MessagesQueued() {}

  private final OutboxRepository repository;
  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public Outbox(OutboxRepository repository, JdbcTemplate jdbc, JsonMapper json, Clock clock,
                ApplicationEventPublisher events) {
    this.repository = repository;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.events = events;
  }

  /** Queues one message; returns its id. One plain INSERT in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public long enqueue(InboundMessage.Channel channel, String recipient, OutgoingMessage message) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    String payload = write(message);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_messages (channel, recipient, payload, "
          + "status, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, 'PENDING', 0, ?, ?)", new String[] {"id"});
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

  public OutgoingMessage read(OutboxRecord record) {
    return read(record.getPayload());
  }

  OutgoingMessage read(String payload) {
    return json.readValue(payload, OutgoingMessage.class);
  }

  String write(OutgoingMessage message) {
    return json.writeValueAsString(message);
  }

  /**
   * Puts a dead letter back in the queue (the console's resend action); it goes out after this commits,
   * in its place in the recipient's order.
   */
  @Transactional
  public void resend(long id) {
    repository.findById(id).orElseThrow(() -> new IllegalArgumentException("no outbox message " + id))
        .requeue(clock.instant());
    events.publishEvent(new MessagesQueued());
  }
}
