package cn.dudao.bot.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Makes sure a person has a conversation row to lock, whichever node sees him first. */
@Component
class ConversationRows {

  private final JdbcTemplate jdbc;
  private final ConversationRepository conversations;
  private final Clock clock;

  ConversationRows(JdbcTemplate jdbc, ConversationRepository conversations, Clock clock) {
    this.jdbc = jdbc;
    this.conversations = conversations;
    this.clock = clock;
  }

  void ensure(String userId) {
    if (conversations.findByUserId(userId).isPresent()) {
      return;
    }
    try {
      jdbc.update("INSERT INTO conversations (user_id, version, updated_at) VALUES (?, 0, ?)", userId,
          Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException createdByAnotherNode) {
      // the row exists now, which is all that was needed
    }
  }
}
