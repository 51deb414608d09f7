package cn.dudao.bot.inbox;

import cn.dudao.bot.store.KeyValueStore;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
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

  private final InboxRepository repository;
  private final KeyValueStore store;
  private final JsonMapper json;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public Inbox(InboxRepository repository, KeyValueStore store, JsonMapper json, Clock clock,
               ApplicationEventPublisher events) {
    this.repository = repository;
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
      repository.saveAndFlush(new InboundRecord(message, json.writeValueAsString(message), clock.instant()));
    } catch (DataIntegrityViolationException duplicate) {
      if (repository.existsByDedupeKey(message.dedupeKey())) {
        markSeen(seenKey);
        return Outcome.DUPLICATE;
      }
      throw duplicate;
    }
    markSeen(seenKey);
    events.publishEvent(new MessageRecorded(message.userId()));
    return Outcome.ACCEPTED;
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
