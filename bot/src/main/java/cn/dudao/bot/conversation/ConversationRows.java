package cn.dudao.bot.conversation;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
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

  private static final String COLUMNS =
      "id, user_id, member_id, inspection_id, flow_id, state_json, version, updated_at";
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

  /** The person's conversation, locked (SELECT … FOR UPDATE) until the transaction ends. */
  Optional<ConversationRecord> lock(String userId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM conversations WHERE user_id = ? FOR UPDATE",
        (rs, i) -> ConversationRecord.locked(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class),
            rs.getObject(4, Long.class), rs.getString(5), rs.getString(6), rs.getLong(7),
            rs.getObject(8, LocalDateTime.class).toInstant(ZoneOffset.UTC)), userId).stream().findFirst();
  }

  /** Writes a locked conversation back if the step changed it, at the next version. */
  void save(ConversationRecord c) {
    if (!c.changed()) {
      return;
    }
    int updated = jdbc.update("UPDATE conversations SET member_id = ?, inspection_id = ?, flow_id = ?, state_json = ?, "
            + "version = version + 1, updated_at = ? WHERE id = ? AND version = ?", c.getMemberId(), c.getInspectionId(),
        c.getFlowId(), c.getStateJson(), LocalDateTime.ofInstant(c.getUpdatedAt(), ZoneOffset.UTC), c.getId(),
        c.getVersion());
    if (updated != 1) {
      throw new IllegalStateException("conversation " + c.getId() + " changed under its lock");
    }
    c.written();
  }
}
