package cn.dudao.bot.conversation;

import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.outbox.Outbox;
import cn.dudao.bot.outbox.OutgoingMessage;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failures of a person's head message; after three it is set aside as FAILED (kept for the
 * console) and he is told, so one bad message never blocks the messages behind it.
 */
@Component
class InboxFailures {

  static final int MAX_ATTEMPTS = 3;

  private final InboxRepository inbox;
  private final Outbox outbox;
  private final Clock clock;

  InboxFailures(InboxRepository inbox, Outbox outbox, Clock clock) {
    this.inbox = inbox;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Records the failure; true when the head message was set aside and the next may be tried. */
  @Transactional
  public boolean recordFailure(String userId, RuntimeException error) {
    return inbox.findFirstByUserIdAndStatusOrderBySentAtAscIdAsc(userId, InboundRecord.Status.PENDING)
        .map(head -> {
          head.recordFailure(error.toString(), MAX_ATTEMPTS, clock.instant());
          if (head.getStatus() == InboundRecord.Status.FAILED) {
            outbox.enqueue(head.getChannel(), userId, OutgoingMessage.text(Replies.PROCESSING_FAILED));
            return true;
          }
          return false;
        })
        .orElse(false);
  }
}
