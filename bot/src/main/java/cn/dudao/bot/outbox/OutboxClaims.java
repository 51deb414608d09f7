package cn.dudao.bot.outbox;

import cn.dudao.bot.inbox.InboundMessage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The dispatcher's claims in plain SQL (each statement commits on its own): only a recipient's oldest
 * pending message may be claimed, and a claim is won by one conditional UPDATE, so two nodes (or two
 * batches) never hold the same message. Every claim carries its own token in {@code claimed_by}, so a
 * batch knows exactly which rows it won. Timestamps are UTC wall-clock, as Hibernate writes them.
 */
@Component
class OutboxClaims {

  /** A claimed message with what sending it needs. */
  record Claimed(long id, InboundMessage.Channel channel, String recipient, String payload, int attempts) {
  }

  private static final String CLAIMABLE = "status = 'PENDING' AND next_attempt_at <= ? "
      + "AND (claimed_until IS NULL OR claimed_until < ?)";
  private static final RowMapper<Claimed> CLAIMED = (rs, i) -> new Claimed(rs.getLong(1),
      InboundMessage.Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getInt(5));
  private static final String COLUMNS = "id, channel, recipient, payload, attempts";

  private final JdbcTemplate jdbc;

  OutboxClaims(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims the oldest pending message of each recipient, where it is due and nobody holds it, with
   * three statements for the whole batch; returns the ones this call won.
   */
  List<Claimed> claimHeads(Collection<String> recipients, String token, Instant until, Instant now) {
    if (recipients.isEmpty()) {
      return List.of();
    }
    List<Long> heads = jdbc.queryForList("SELECT MIN(id) FROM outbox_messages WHERE status = 'PENDING' AND recipient IN ("
        + marks(recipients.size()) + ") GROUP BY recipient", Long.class, recipients.toArray());
    if (heads.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(List.of(token, utc(until)));
    args.addAll(heads);
    args.add(utc(now));
    args.add(utc(now));
    int won = jdbc.update("UPDATE outbox_messages SET claimed_by = ?, claimed_until = ? WHERE id IN (" + marks(heads.size())
        + ") AND " + CLAIMABLE, args.toArray());
    if (won == 0) {
      return List.of();
    }
    List<Object> load = new ArrayList<>(heads);
    load.add(token);
    return jdbc.query("SELECT " + COLUMNS + " FROM outbox_messages WHERE id IN (" + marks(heads.size())
        + ") AND claimed_by = ? ORDER BY id", CLAIMED, load.toArray());
  }

  /** Claims the recipient's oldest pending message if it is due and nobody holds it. */
  Optional<Claimed> claimHead(String recipient, String token, Instant until, Instant now) {
    List<Long> head = jdbc.queryForList(
        "SELECT id FROM outbox_messages WHERE recipient = ? AND status = 'PENDING' ORDER BY id LIMIT 1", Long.class,
        recipient);
    if (head.isEmpty()) {
      return Optional.empty();
    }
    if (jdbc.update("UPDATE outbox_messages SET claimed_by = ?, claimed_until = ? WHERE id = ? AND " + CLAIMABLE, token,
        utc(until), head.get(0), utc(now), utc(now)) != 1) {
      return Optional.empty();
    }
    return jdbc.query("SELECT " + COLUMNS + " FROM outbox_messages WHERE id = ? AND claimed_by = ?", CLAIMED,
        head.get(0), token).stream().findFirst();
  }

  /** How many messages wait for the recipient (his claimed head included). */
  long pending(String recipient) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ? AND status = 'PENDING'",
        Long.class, recipient);
    return n == null ? 0 : n;
  }

  /** Records a delivery: one UPDATE, no re-read. */
  void markSent(long id, Instant at, String responseCode) {
    jdbc.update("UPDATE outbox_messages SET status = 'SENT', sent_at = ?, response_code = ?, claimed_by = NULL, "
        + "claimed_until = NULL WHERE id = ?", utc(at), responseCode, id);
  }

  /** Gives a claim back at once (the node could not start sending it), instead of letting it lapse. */
  void release(long id, String token) {
    jdbc.update("UPDATE outbox_messages SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
        id, token);
  }

  private static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  private static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
