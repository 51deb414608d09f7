package cn.dudao.bot.conversation;

import cn.dudao.bot.evidence.MediaFetched;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.inbox.InboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies recorded messages: at once on the node that recorded them, and by a sweep on every node for
 * messages a node recorded and acknowledged but did not live to apply. Per person, messages are
 * applied one at a time under his conversation row lock, whichever node does it.
 */
@Component
class ConversationWorker {

  private static final Logger log = LoggerFactory.getLogger(ConversationWorker.class);
  /** A message older than this and still pending is taken up by the sweep. */
  private static final Duration ORPHAN_AGE = Duration.ofSeconds(5);

  private final ConversationProcessor processor;
  private final ConversationRows rows;
  private final InboxFailures failures;
  private final InboxRepository inbox;
  private final Executor executor;
  private final Clock clock;
  private final Set<String> draining = ConcurrentHashMap.newKeySet();
  private final Set<String> again = ConcurrentHashMap.newKeySet();
  /** People with a drain task waiting in the pool: one task per person absorbs any number of events. */
  private final Set<String> queued = ConcurrentHashMap.newKeySet();

  ConversationWorker(ConversationProcessor processor, ConversationRows rows, InboxFailures failures,
                     InboxRepository inbox, @Qualifier("dudaoWorkers") Executor executor, Clock clock) {
    this.processor = processor;
    this.rows = rows;
    this.failures = failures;
    this.inbox = inbox;
    this.executor = executor;
    this.clock = clock;
  }

  @EventListener
  void onRecorded(Inbox.MessageRecorded event) {
    submit(event.userId());
  }

  /** An image at the head of someone's queue has its photo now: apply it and what waited behind it. */
  @EventListener
  void onMediaFetched(MediaFetched event) {
    submit(event.userId());
  }

  /**
   * Hands a person to the pool unless a task for him is already waiting there. A full pool refuses
   * quietly: the message is recorded, and the sweep applies it (never an error on the ack path).
   */
  private void submit(String userId) {
    if (!queued.add(userId)) {
      return;
    }
    try {
      executor.execute(() -> {
        queued.remove(userId);
        drain(userId);
      });
    } catch (RejectedExecutionException full) {
      queued.remove(userId);
      log.debug("Worker pool full; the sweep applies {}'s messages", userId);
    }
  }

  @Scheduled(fixedDelayString = "${dudao.inbox.sweep-interval:2s}")
  void sweep() {
    try {
      // Handed to the worker pool, not drained here: under a backlog an inline drain held the scheduler
      // (and every other schedule) for minutes (deploy/BENCHMARKS.md).
      inbox.findUsersWaitingSince(clock.instant().minus(ORPHAN_AGE), Limit.of(200)).forEach(this::submit);
    } catch (RuntimeException e) {
      log.warn("Inbox sweep failed: {}", e.toString());
    }
  }

  /**
   * Applies all pending messages of one person; concurrent calls on this node coalesce. A call that
   * finds him being drained leaves a request the draining thread honours, even when it was just
   * letting go (it looks again after releasing).
   */
  void drain(String userId) {
    again.add(userId);
    while (again.contains(userId) && draining.add(userId)) {
      try {
        while (again.remove(userId)) {
          rows.ensure(userId);
          while (step(userId)) {
            // next message
          }
        }
      } finally {
        draining.remove(userId);
      }
    }
  }

  private boolean step(String userId) {
    try {
      return processor.processNext(userId);
    } catch (RuntimeException e) {
      log.error("Applying a message of {} failed", userId, e);
      return failures.recordFailure(userId, e);
    }
  }
}
