package cn.dudao.bot.conversation;

import cn.dudao.bot.store.KeyValueStore;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The conversation state in the shared store, written after each commit, for fast reads by any node
 * (progress views, the simulator). The database row stays the truth: a lost or stale cache entry costs
 * a database read, never an answer.
 */
@Component
public class ConversationCache {

  private static final Logger log = LoggerFactory.getLogger(ConversationCache.class);
  private static final Duration TTL = Duration.ofDays(14);

  /** A cached state with the row version it was written at. */
  public record Cached(long version, String stateJson) {}

  private final KeyValueStore store;
  private final ConversationRepository conversations;

  ConversationCache(KeyValueStore store, ConversationRepository conversations) {
    this.store = store;
    this.conversations = conversations;
  }

  void putAfterCommit(ConversationRecord conversation) {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        try {
          String value = conversation.getVersion() + "\n" + (conversation.getStateJson() == null ? "" : conversation.getStateJson());
          store.put(key(conversation.getUserId()), value, TTL);
        } catch (RuntimeException storeDown) {
          log.warn("Conversation cache not updated for {}: {}", conversation.getUserId(), storeDown.toString());
        }
      }
    });
  }

  /** The latest state of a person's conversation: the cache when it has it, the database otherwise. */
  public Optional<Cached> current(String userId) {
    try {
      Optional<String> hit = store.get(key(userId));
      if (hit.isPresent()) {
        String[] parts = hit.get().split("\n", 2);
        return Optional.of(new Cached(Long.parseLong(parts[0]), parts[1]));
      }
    } catch (RuntimeException storeDown) {
      log.debug("Conversation cache unavailable: {}", storeDown.toString());
    }
    return conversations.findByUserId(userId).map(c -> new Cached(c.getVersion(), c.getStateJson()));
  }

  private static String key(String userId) {
    return "conversation:" + userId;
  }
}
