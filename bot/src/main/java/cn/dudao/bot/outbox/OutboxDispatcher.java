package cn.dudao.bot.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued messages: right after the commit that queued them, and on every poll for what is due
 * (retries, messages of a node that died). Each recipient's messages go out in order, one at a time,
 * within the per-member budget; when more waits than the budget lets through, waiting texts are folded
 * into a digest and the rest waits for the window: nothing is dropped. A claim in the database keeps two
 * nodes from sending the same message; a node that dies loses its claims when they lapse.
 *
 * <p>The poll runs on every node on purpose (the claims share the work), unlike the cluster-wide jobs
 * under ShedLock. Delivery is at least once with one window: a node that dies after WeCom accepted a
 * message and before it marked it SENT leaves a claim that lapses, and the message goes out again.
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

  /** How long a stopping node waits for the message it is sending before it lets go. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final OutboxRepository repository;
  private final Outbox outbox;
  private final Map<cn.dudao.bot.inbox.InboundMessage.Channel, ChannelSender> senders;
  private final SendBudget budget;
  private final Backlog backlog;
  private final OutboxProperties properties;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final Executor executor;
  private final String node = "node-" + UUID.randomUUID();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile boolean stopping = true;

  OutboxDispatcher(OutboxRepository repository, Outbox outbox, List<ChannelSender> senders, SendBudget budget,
                   Backlog backlog, OutboxProperties properties, Clock clock, TransactionTemplate tx,
                   @Qualifier("dudaoWorkers") Executor executor) {
    this.repository = repository;
    this.outbox = outbox;
    this.senders = new EnumMap<>(cn.dudao.bot.inbox.InboundMessage.Channel.class);
    senders.forEach(s -> this.senders.put(s.channel(), s));
    this.budget = budget;
    this.backlog = backlog;
    this.properties = properties;
    this.clock = clock;
    this.tx = tx;
    this.executor = executor;
  }

  @TransactionalEventListener
  void onQueued(Outbox.MessagesQueued event) {
    if (!stopping) {
      executor.execute(this::dispatchDue);
    }
  }

  @Override
  public void start() {
    stopping = false;
  }

  /**
   * On shutdown no new message is claimed, and the one being sent is finished and marked SENT before
   * the database goes away (lifecycle stop comes before any bean is destroyed).
   */
  @Override
  public void stop() {
    stopping = true;
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    while (running.get() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public boolean isRunning() {
    return !stopping;
  }

  @Scheduled(fixedDelayString = "${dudao.outbox.poll-interval:1s}")
  void poll() {
    dispatchDue();
  }

  /** Sends everything due now. Concurrent calls on one node coalesce into one more round. */
  void dispatchDue() {
    if (stopping || !running.compareAndSet(false, true)) {
      again.set(true);
      return;
    }
    try {
      do {
        again.set(false);
        for (String recipient : repository.findRecipientsDue(clock.instant(), Limit.of(500))) {
          if (stopping) {
            return;
          }
          dispatchRecipient(recipient);
        }
      } while (again.get() && !stopping);
    } catch (RuntimeException e) {
      log.warn("Outbox round failed: {}", e.toString());
    } finally {
      running.set(false);
    }
  }

  private void dispatchRecipient(String recipient) {
    while (!stopping) {
      Instant now = clock.instant();
      Optional<OutboxRecord> head = repository.findFirstByRecipientAndStatusOrderByIdAsc(recipient,
          OutboxRecord.Status.PENDING);
      if (head.isEmpty() || head.get().getNextAttemptAt().isAfter(now)) {
        return;
      }
      Long id = head.get().getId();
      if (repository.claim(id, node, now.plus(properties.claimTimeout()), now) != 1) {
        return;
      }
      if (!deliver(id)) {
        return;
      }
    }
  }

  /** Sends one claimed message and records the outcome; false when the recipient must wait. */
  private boolean deliver(Long id) {
    OutboxRecord record = repository.findById(id).orElseThrow();
    OutgoingMessage message = outbox.read(record);
    ChannelSender sender = senders.get(record.getChannel());
    // update_template_card changes a card already delivered; it is not a message/send and not counted.
    boolean counted = sender.perMemberLimits() && message.type() != OutgoingMessage.Type.CARD_UPDATE;
    if (counted && message.type() == OutgoingMessage.Type.TEXT
        && backlog.digestIfPressed(id, budget.remaining(record.getRecipient())) > 0) {
      record = repository.findById(id).orElseThrow();
      message = outbox.read(record);
    }
    Optional<Instant> wait = counted ? budget.tryTake(record.getRecipient()) : Optional.empty();
    if (wait.isPresent()) {
      save(id, r -> r.retryAt(outbox.sendableAt(r, wait.get()), "per-member limit", false));
      return false;
    }
    ChannelSender.Result result;
    try {
      result = sender.send(record.getRecipient(), message);
    } catch (RuntimeException e) {
      result = new ChannelSender.Result.Retry(e.getClass().getSimpleName(), null);
    }
    Instant now = clock.instant();
    if (result instanceof ChannelSender.Result.Sent sent) {
      save(id, r -> r.markSent(now, sent.responseCode()));
      return true;
    }
    if (result instanceof ChannelSender.Result.Throttled throttled) {
      save(id, r -> r.retryAt(outbox.sendableAt(r, now.plus(throttled.delay())), throttled.reason(), false));
      return false;
    }
    if (result instanceof ChannelSender.Result.Retry retry && record.getAttempts() + 1 < properties.maxAttempts()) {
      Duration delay = retry.delay() != null ? retry.delay() : backoff(record.getAttempts());
      save(id, r -> r.retryAt(outbox.sendableAt(r, now.plus(delay)), retry.reason(), true));
      return false;
    }
    String reason = result instanceof ChannelSender.Result.Permanent p ? p.reason()
        : ((ChannelSender.Result.Retry) result).reason();
    log.warn("Outbox message {} to {} is a dead letter: {}", id, record.getRecipient(), reason);
    save(id, r -> r.markDead(reason));
    return true;
  }

  private static Duration backoff(int attempts) {
    return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts + 1, 8)));
  }

  private void save(Long id, java.util.function.Consumer<OutboxRecord> change) {
    tx.executeWithoutResult(status -> change.accept(repository.findById(id).orElseThrow()));
  }
}
