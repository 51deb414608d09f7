package cn.dudao.bot.evidence;

import cn.dudao.bot.inbox.InboundMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settled outcomes of photo fetches, one per inbound image message. A stored photo's evidence row
 * and its outcome are written in one transaction; the unique inbound id makes a second node's or a
 * retry's attempt fail harmlessly, so each image message yields at most one piece of evidence.
 */
@Service
public class MediaFetches {

  /** How one image message's fetch ended; {@code evidenceId} is set when the photo was stored. */
  public record Settled(MediaOutcome outcome, Long evidenceId, int attempts) {}

  private final JdbcTemplate jdbc;
  private final EvidenceRepository evidence;
  private final Clock clock;

  MediaFetches(JdbcTemplate jdbc, EvidenceRepository evidence, Clock clock) {
    this.jdbc = jdbc;
    this.evidence = evidence;
    this.clock = clock;
  }

  /** The outcome for an inbound image message, or empty while its fetch is still under way. */
  @Transactional(readOnly = true)
  public Optional<Settled> find(long inboundId) {
    return jdbc.query("SELECT outcome, evidence_id, attempts FROM media_fetches WHERE inbound_id = ?",
        (rs, i) -> new Settled(MediaOutcome.valueOf(rs.getString(1)), (Long) rs.getObject(2, Long.class), rs.getInt(3)),
        inboundId).stream().findFirst();
  }

  /** Records a stored photo as evidence of its sender; throws a data integrity error when already settled. */
  @Transactional
  public long settleStored(long inboundId, String userId, InboundMessage.Channel channel, Instant receivedAt,
                           StoredPhoto photo, int attempts) {
    Evidence saved = evidence.saveAndFlush(Evidence.photo(photo, userId, channel, inboundId, receivedAt));
    insert(inboundId, userId, MediaOutcome.STORED, saved.getId(), attempts, null);
    return saved.getId();
  }

  /** Records why a photo was not stored; throws a data integrity error when already settled. */
  @Transactional
  public void settleRefused(long inboundId, String userId, MediaOutcome outcome, int attempts, String detail) {
    insert(inboundId, userId, outcome, null, attempts, detail);
  }

  /** Image messages of {@code userId} still waiting for their photo, oldest first. */
  List<Long> unsettled(String userId) {
    return jdbc.queryForList("SELECT i.id FROM inbound_messages i WHERE i.user_id = ? AND i.status = 'PENDING'"
        + " AND i.kind = 'IMAGE' AND NOT EXISTS (SELECT 1 FROM media_fetches f WHERE f.inbound_id = i.id)"
        + " ORDER BY i.id", Long.class, userId);
  }

  /** Image messages anyone recorded before {@code before} and nobody fetched (their node may have died). */
  List<Long> orphans(Instant before, int limit) {
    return jdbc.queryForList("SELECT i.id FROM inbound_messages i WHERE i.status = 'PENDING' AND i.kind = 'IMAGE'"
        + " AND i.received_at < ? AND NOT EXISTS (SELECT 1 FROM media_fetches f WHERE f.inbound_id = i.id)"
        + " ORDER BY i.id LIMIT " + limit, Long.class, Timestamp.from(before));
  }

  private void insert(long inboundId, String userId, MediaOutcome outcome, Long evidenceId, int attempts,
                      String detail) {
    jdbc.update("INSERT INTO media_fetches (inbound_id, user_id, outcome, evidence_id, attempts, detail, settled_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)", inboundId, userId, outcome.name(), evidenceId, attempts,
        detail == null ? null : detail.substring(0, Math.min(detail.length(), 500)), Timestamp.from(clock.instant()));
  }
}
