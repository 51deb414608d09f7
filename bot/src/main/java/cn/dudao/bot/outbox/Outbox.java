package cn.dudao.bot.outbox;

import cn.dudao.bot.inbox.InboundMessage;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
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
  private final JsonMapper json;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public Outbox(OutboxRepository repository, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
    this.repository = repository;
    this.json = json;
    this.clock = clock;
    this.events = events;
  }

  /** Queues one message; returns its id. */
  @Transactional(propagation = Propagation.MANDATORY)
  public long enqueue(InboundMessage.Channel channel, String recipient, OutgoingMessage message) {
    OutboxRecord record = repository.save(new OutboxRecord(channel, recipient, write(message), clock.instant()));
    events.publishEvent(new MessagesQueued());
    return record.getId();
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
