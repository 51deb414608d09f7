package cn.dudao.bot.outbox;

import cn.dudao.bot.inbox.InboundMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface OutboxRepository extends JpaRepository<OutboxRecord, Long> {

  @Query("select distinct o.recipient from OutboxRecord o where o.status = cn.dudao.bot.outbox.OutboxRecord.Status.PENDING and o.nextAttemptAt <= ?1")
  List<String> findRecipientsDue(Instant now, Limit limit);

  /** A recipient's messages go out strictly in order: only the oldest pending one may be sent. */
  Optional<OutboxRecord> findFirstByRecipientAndStatusOrderByIdAsc(String recipient, OutboxRecord.Status status);

  /**
   * Claims a message for one node until {@code until}; a node that dies loses its claim when it lapses.
   * Returns 1 when this node won the claim.
   */
  @Transactional
  @Modifying
  @Query("update OutboxRecord o set o.claimedBy = ?2, o.claimedUntil = ?3 where o.id = ?1 and o.status = cn.dudao.bot.outbox.OutboxRecord.Status.PENDING and (o.claimedUntil is null or o.claimedUntil < ?4)")
  int claim(Long id, String node, Instant until, Instant now);

  List<OutboxRecord> findByRecipientAndChannelOrderByIdAsc(String recipient, InboundMessage.Channel channel);

  List<OutboxRecord> findByStatusOrderByIdDesc(OutboxRecord.Status status, Limit limit);

  List<OutboxRecord> findByStatusOrderByIdAsc(OutboxRecord.Status status, Limit limit);

  long countByRecipientAndStatus(String recipient, OutboxRecord.Status status);

  List<OutboxRecord> findByRecipientAndStatusAndIdGreaterThanOrderByIdAsc(String recipient, OutboxRecord.Status status,
                                                                          Long id, Limit limit);

  long countByStatus(OutboxRecord.Status status);

  boolean existsByRecipientAndStatusAndTimingAndNextAttemptAtAfter(String recipient, OutboxRecord.Status status,
                                                                   OutboxRecord.Timing timing, Instant after);

  /** Lets a person's reminders held for the morning go now (something else is going to him anyway). */
  @Modifying(flushAutomatically = true)
  @Query("update OutboxRecord o set o.nextAttemptAt = ?2 where o.recipient = ?1 and o.status = cn.dudao.bot.outbox.OutboxRecord.Status.PENDING and o.timing = cn.dudao.bot.outbox.OutboxRecord.Timing.WAKING_HOURS and o.nextAttemptAt > ?2")
  int releaseHeld(String recipient, Instant now);
}
