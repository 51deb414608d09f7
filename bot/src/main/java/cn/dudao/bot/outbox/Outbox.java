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

  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(InboundMessage.Channel channel, String recipient, OutgoingMessage message) {
    repository.save(new OutboxRecord(channel, recipient, json.writeValueAsString(message), clock.instant()));
    events.publishEvent(new MessagesQueued());
  }

  public OutgoingMessage read(OutboxRecord record) {
    return json.readValue(record.getPayload(), OutgoingMessage.class);
  }
}
