package cn.dudao.bot.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InboxRepository extends JpaRepository<InboundRecord, Long> {

  boolean existsByDedupeKey(String dedupeKey);

  /** The next message of a person to apply: the earliest he sent. */
  Optional<InboundRecord> findFirstByUserIdAndStatusOrderBySentAtAscIdAsc(String userId, InboundRecord.Status status);

  /** People with messages that were recorded but are still waiting, for the sweeper. */
  @Query("select distinct r.userId from InboundRecord r where r.status = cn.dudao.bot.inbox.InboundRecord.Status.PENDING and r.receivedAt < ?1")
  List<String> findUsersWaitingSince(Instant before, Limit limit);

  List<InboundRecord> findByUserIdAndChannelOrderByIdAsc(String userId, InboundMessage.Channel channel);

  long countByStatus(InboundRecord.Status status);

  long countByUserId(String userId);
}
