package cn.dudao.bot.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the texts waiting behind a claimed text into it when a person has more waiting than the
 * per-member budget lets through now: one digest instead of many messages, nothing dropped, order kept.
 * Only an unbroken run of texts is folded (a card ends it), within WeCom's 2048-byte text limit; the
 * folded rows stay as MERGED with the id of the message that carried them.
 */
@Component
class Backlog {

  /** WeCom truncates text content beyond 2048 bytes; keep a margin. */
  static final int MAX_BYTES = 2000;
  static final String SEPARATOR = "\n\n";
  private static final int LOOK_AHEAD = 100;

  private final OutboxRepository repository;
  private final Outbox outbox;
  private final Clock clock;
  private final TransactionTemplate tx;

  Backlog(OutboxRepository repository, Outbox outbox, Clock clock, TransactionTemplate tx) {
    this.repository = repository;
    this.outbox = outbox;
    this.clock = clock;
    this.tx = tx;
  }

  /**
   * Folds what waits behind the claimed text {@code headId} into it if more is waiting than
   * {@code remaining} lets through; returns how many messages were folded.
   */
  int digestIfPressed(long headId, int remaining) {
    Integer folded = tx.execute(status -> {
      OutboxRecord head = repository.findById(headId).orElseThrow();
      OutgoingMessage first = outbox.read(head);
      if (first.type() != OutgoingMessage.Type.TEXT
          || repository.countByRecipientAndStatus(head.getRecipient(), OutboxRecord.Status.PENDING) <= remaining) {
        return 0;
      }
      Instant now = clock.instant();
      List<OutboxRecord> behind = repository.findByRecipientAndStatusAndIdGreaterThanOrderByIdAsc(
          head.getRecipient(), OutboxRecord.Status.PENDING, headId, Limit.of(LOOK_AHEAD));
      List<OutboxRecord> run = new ArrayList<>();
      List<String> texts = new ArrayList<>(List.of(first.text()));
      for (OutboxRecord next : behind) {
        if (next.getChannel() != head.getChannel() || next.claimedAt(now)) {
          break;
        }
        OutgoingMessage message = outbox.read(next);
        if (message.type() != OutgoingMessage.Type.TEXT || !fits(texts, message.text())) {
          break;
        }
        texts.add(message.text());
        run.add(next);
      }
      if (run.isEmpty()) {
        return 0;
      }
      head.replacePayload(outbox.write(OutgoingMessage.text(String.join(SEPARATOR, texts))));
      run.forEach(r -> r.mergeInto(headId, now));
      return run.size();
    });
    return folded == null ? 0 : folded;
  }

  /** True when {@code next} still fits in one WeCom text after {@code texts}. */
  static boolean fits(List<String> texts, String next) {
    String joined = String.join(SEPARATOR, texts) + SEPARATOR + next;
    return joined.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }
}
