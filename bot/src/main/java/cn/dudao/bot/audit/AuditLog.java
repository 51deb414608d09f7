package cn.dudao.bot.audit;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes audit events. Inside a transaction the event joins it (no second connection, so a busy pool
 * cannot deadlock); should that transaction roll back, a refusal is written again in a transaction of
 * its own, because a refusal must be on record whatever happens after it.
 */
@Service
public class AuditLog {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  private final AuditEventRepository events;
  private final TransactionTemplate own;
  private final Clock clock;

  AuditLog(AuditEventRepository events, PlatformTransactionManager transactions, Clock clock) {
    this.events = events;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Records a refusal; it survives a rollback of the surrounding transaction. */
  public void denied(String actor, String action, String target, String reason) {
    log.info("Refused {} on {} for {}: {}", action, target, actor, reason);
    write(new AuditEvent(clock.instant(), actor, action, target, AuditEvent.Outcome.DENIED, reason), true);
  }

  /** Records a completed or failed action; it commits or rolls back with the surrounding transaction. */
  public void record(String actor, String action, String target, AuditEvent.Outcome outcome, String detail) {
    write(new AuditEvent(clock.instant(), actor, action, target, outcome, detail), false);
  }

  /** Records an outcome in a transaction of its own, e.g. an import that was rejected and rolled back. */
  public void recordAlone(String actor, String action, String target, AuditEvent.Outcome outcome, String detail) {
    AuditEvent event = new AuditEvent(clock.instant(), actor, action, target, outcome, detail);
    own.executeWithoutResult(s -> events.save(event));
  }

  private void write(AuditEvent event, boolean survivesRollback) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
      own.executeWithoutResult(s -> events.save(event));
      return;
    }
    events.save(event);
    if (survivesRollback && TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status != STATUS_COMMITTED) {
            // Spring's advice for work in afterCompletion: run it in a new transaction.
            own.executeWithoutResult(s -> events.save(copy(event)));
          }
        }
      });
    }
  }

  private static AuditEvent copy(AuditEvent e) {
    return new AuditEvent(e.getOccurredAt(), e.getActor(), e.getAction(), e.getTarget(),
        AuditEvent.Outcome.valueOf(e.getOutcome()), e.getDetail());
  }
}
