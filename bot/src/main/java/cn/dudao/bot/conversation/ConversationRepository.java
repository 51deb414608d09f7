package cn.dudao.bot.conversation;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

public interface ConversationRepository extends JpaRepository<ConversationRecord, Long> {

  /** The person's conversation, locked (SELECT … FOR UPDATE) until the transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<ConversationRecord> findForUpdateByUserId(String userId);

  Optional<ConversationRecord> findByUserId(String userId);
}
