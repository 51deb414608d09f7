package cn.dudao.bot.conversation;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes sure a person has a conversation row to lock, whichever node sees him first. Rows are never
 * deleted, so a row this node has seen once is remembered and not looked up again (a bounded set).
 */
@Component
class ConversationRows {

  private static final int REMEMBERED = 200_000;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ConversationRows(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void ensure(String userId) {
    if (known.contains(userId)) {
      return;
    }
    if (jdbc.queryForList("SELECT id FROM conversations WHERE user_id = ?", Long.class, userId).isEmpty()) {
      try {
        jdbc.update("INSERT INTO conversations (user_id, version, updated_at) VALUES (?, 0, ?)", userId,
            LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
      } catch (DuplicateKeyException createdByAnotherNode) {
        // the row exists now, which is all that was needed
      }
    }
    if (known.size() >= REMEMBERED) {
      known.clear();
    }
    known.add(userId);
  }
}
