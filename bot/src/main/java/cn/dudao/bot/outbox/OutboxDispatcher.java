package cn.dudao.bot.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
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
 * <p>Different recipients are served in parallel on a bounded pool of this dispatcher's own
 * ({@code dudao.outbox.parallelism}); one recipient is served by at most one task per node, and across
 * nodes only his oldest pending message can be claimed, so his order holds whoever sends. A round
 * claims the heads of many recipients at once ({@link OutboxClaims#claimHeads}); each task then sends
 * its claimed message and goes on with that recipient's next ones.
 *
 * <p>The poll runs on every node on purpose (the claims share the work), unlike the cluster-wide jobs
 * under ShedLock. Delivery is at least once with one window: a node that dies after WeCom accepted a
 * message and before it marked it SENT leaves a claim that lapses, and the message goes out again.
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

  /** How long a stopping node waits for the messages it is sending before it lets go. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);
  /** Recipients looked at per round, and heads claimed per statement. */
  private static final int ROUND = 500;
  private static final int CLAIM_BATCH = 100;
  /**
   * Under load every commit asks for a round; back-to-back rounds would mostly re-read the same due
   * recipients, so a round that was asked for again starts this long after the previous one.
   */
  private static final long ROUND_SPACING_MS = 20;
  /** While sends cannot start (the store is away), one warning this often, not one per message and round. */
  private static final Duration GIVE_BACK_WARNING_SPACING = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final OutboxRepository repository;
  private final OutboxClaims claims;
  private final Outbox outbox;
  private final Map<cn.dudao.bot.inbox.InboundMessage.Channel, ChannelSender> senders;
  private final SendBudget budget;
  private final Backlog backlog;
  private final OutboxProperties properties;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final String node = "node-" + UUID.randomUUID();
  private final AtomicLong claimSeq = new AtomicLong();
  private final AtomicLong lastGiveBackWarning = new AtomicLong(System.nanoTime() - Duration.ofMinutes(1).toNanos());
  /** Runs rounds; one running and one waiting at most, so a burst of commits costs one more round. */
  private final ThreadPoolExecutor rounds;
  /** Sends, one task per recipient at a time. */
  private final ThreadPoolExecutor pool;
  private final Set<String> active = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile boolean stopping = true;

  OutboxDispatcher(OutboxRepository repository, OutboxClaims claims, Outbox outbox, List<ChannelSender> senders,
                   SendBudget budget, Backlog backlog, OutboxProperties properties, Clock clock, TransactionTemplate tx) {
    this.repository = repository;
    this.claims = claims;
    this.outbox = outbox;
    this.senders = new EnumMap<>(cn.dudao.bot.inbox.InboundMessage.Channel.class);
    senders.forEach(s -> this.senders.put(s.channel(), s));
    this.budget = budget;
    this.backlog = backlog;
    this.properties = properties;
    this.clock = clock;
    this.tx = tx;
    this.rounds = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1),
        named("dudao-outbox-round"), new ThreadPoolExecutor.DiscardPolicy());
    int parallelism = Math.max(1, properties.parallelism());
    this.pool = new ThreadPoolExecutor(parallelism, parallelism, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(ROUND * 2), named("dudao-outbox-"), new ThreadPoolExecutor.AbortPolicy());
  }

  private static ThreadFactory named(String prefix) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @TransactionalEventListener
  void onQueued(Outbox.MessagesQueued event) {
    if (!stopping) {
      again.set(true);
      rounds.execute(this::dispatchDue);
    }
  }

  @Override
  public void start() {
    stopping = false;
  }

  /**
   * On shutdown no new message is claimed, and the ones being sent are finished and marked SENT before
   * the database goes away (lifecycle stop comes before any bean is destroyed).
   */
  @Override
  public void stop() {
    stopping = true;
    rounds.shutdown();
    pool.shutdown();
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    while ((running.get() || !active.isEmpty()) && System.nanoTime() < deadline) {
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

  /** Rounds run on their own thread: under load one round follows another, which must not hold the scheduler. */
  @Scheduled(fixedDelayString = "${dudao.outbox.poll-interval:1s}")
  void poll() {
    if (!stopping) {
      again.set(true);
      rounds.execute(this::dispatchDue);
    }
  }

  /**
   * Claims the next message of every recipient with something due and not already served on this node,
   * and hands each to the pool. Concurrent calls on one node coalesce into one more round.
   */
  void dispatchDue() {
    if (stopping || !running.compareAndSet(false, true)) {
      again.set(true);
      return;
    }
    try {
      do {
        again.set(false);
        List<String> idle = repository.findRecipientsDue(clock.instant(), Limit.of(ROUND)).stream()
            .filter(r -> !active.contains(r)).toList();
        for (int from = 0; from < idle.size() && !stopping; from += CLAIM_BATCH) {
          Instant now = clock.instant();
          String token = token();
          for (OutboxClaims.Claimed claimed : claims.claimHeads(idle.subList(from, Math.min(idle.size(), from + CLAIM_BATCH)),
              token, now.plus(properties.claimTimeout()), now)) {
            serve(claimed, token);
          }
        }
      } while (again.get() && !stopping && pause());
    } catch (RuntimeException e) {
      log.warn("Outbox round failed: {}", e.toString());
    } finally {
      running.set(false);
    }
  }

  /**
   * Records a delivery WeCom accepted. If the database is away (a restart), the record is retried while
   * the claim still holds: letting the claim lapse would send the message a second time.
   */
  private boolean markSent(Long id, Instant at, String responseCode) {
    long deadline = System.nanoTime() + properties.claimTimeout().toNanos() / 2;
    long wait = 100;
    while (true) {
      try {
        claims.markSent(id, at, responseCode);
        return true;
      } catch (DataAccessException databaseAway) {
        if (System.nanoTime() + wait * 1_000_000 > deadline) {
          log.warn("Outbox message {} was sent but could not be marked SENT: {}", id, databaseAway.toString());
          return false;
        }
        try {
          Thread.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
        wait = Math.min(wait * 2, 2_000);
      }
    }
  }

  private static boolean pause() {
    try {
      Thread.sleep(ROUND_SPACING_MS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Sends the claimed message and then the recipient's next ones, on the pool. */
  private void serve(OutboxClaims.Claimed claimed, String token) {
    String recipient = claimed.recipient();
    if (!active.add(recipient)) {
      // another task of this node serves him; it will reach this message itself
      claims.release(claimed.id(), token);
      return;
    }
    try {
      pool.execute(() -> {
        try {
          if (stopping) {
            claims.release(claimed.id(), token);
          } else if (deliver(claimed, token)) {
            dispatchRecipient(recipient);
          }
        } catch (RuntimeException e) {
          log.warn("Outbox delivery to {} failed: {}", recipient, e.toString());
        } finally {
          active.remove(recipient);
        }
      });
    } catch (RejectedExecutionException full) {
      active.remove(recipient);
      claims.release(claimed.id(), token);
    }
  }

  private void dispatchRecipient(String recipient) {
    while (!stopping) {
      Instant now = clock.instant();
      String token = token();
      Optional<OutboxClaims.Claimed> next = claims.claimHead(recipient, token, now.plus(properties.claimTimeout()), now);
      if (next.isEmpty() || !deliver(next.get(), token)) {
        return;
      }
    }
  }

  private String token() {
    return node + ":" + claimSeq.incrementAndGet();
  }

  /**
   * Sends one claimed message and records the outcome; false when the recipient must wait. When the
   * send cannot even start (the budget's store is away, the digest failed), the claim is given back at
   * once: nothing went out, and the next round takes the message as soon as the store is back instead
   * of after the claim lapses.
   */
  private boolean deliver(OutboxClaims.Claimed claimed, String token) {
    Long id = claimed.id();
    OutgoingMessage message = outbox.read(claimed.payload());
    ChannelSender sender = senders.get(claimed.channel());
    // update_template_card changes a card already delivered; it is not a message/send and not counted.
    boolean counted = sender.perMemberLimits() && message.type() != OutgoingMessage.Type.CARD_UPDATE;
    Optional<Instant> wait;
    try {
      // The digest is for a backlog: a plain count first spares its transaction when little is waiting.
      if (counted && message.type() == OutgoingMessage.Type.TEXT
          && claims.pending(claimed.recipient()) > budget.remaining(claimed.recipient())
          && backlog.digestIfPressed(id, budget.remaining(claimed.recipient())) > 0) {
        message = outbox.read(repository.findById(id).orElseThrow());
      }
      wait = counted ? budget.tryTake(claimed.recipient()) : Optional.empty();
    } catch (RuntimeException cannotStart) {
      giveBack(id, token, cannotStart);
      return false;
    }
    if (wait.isPresent()) {
      save(id, r -> r.retryAt(outbox.sendableAt(r, wait.get()), "per-member limit", false));
      return false;
    }
    ChannelSender.Result result;
    try {
      result = sender.send(claimed.recipient(), message);
    } catch (RuntimeException e) {
      result = new ChannelSender.Result.Retry(e.getClass().getSimpleName(), null);
    }
    Instant now = clock.instant();
    if (result instanceof ChannelSender.Result.Sent sent) {
      return markSent(id, now, sent.responseCode());
    }
    if (result instanceof ChannelSender.Result.Throttled throttled) {
      save(id, r -> r.retryAt(outbox.sendableAt(r, now.plus(throttled.delay())), throttled.reason(), false));
      return false;
    }
    if (result instanceof ChannelSender.Result.Retry retry && claimed.attempts() + 1 < properties.maxAttempts()) {
      Duration delay = retry.delay() != null ? retry.delay() : backoff(claimed.attempts());
      save(id, r -> r.retryAt(outbox.sendableAt(r, now.plus(delay)), retry.reason(), true));
      return false;
    }
    String reason = result instanceof ChannelSender.Result.Permanent p ? p.reason()
        : ((ChannelSender.Result.Retry) result).reason();
    log.warn("Outbox message {} to {} is a dead letter: {}", id, claimed.recipient(), reason);
    save(id, r -> r.markDead(reason));
    return true;
  }

  /** Releases a claim whose send never started; says why at most every few seconds (an outage repeats it). */
  private void giveBack(long id, String token, RuntimeException why) {
    long now = System.nanoTime();
    long last = lastGiveBackWarning.get();
    if (now - last > GIVE_BACK_WARNING_SPACING.toNanos() && lastGiveBackWarning.compareAndSet(last, now)) {
      log.warn("Outbox messages wait: a send could not start ({}); claims are given back until it can", why.toString());
    }
    try {
      claims.release(id, token);
    } catch (RuntimeException databaseAway) {
      // the claim lapses instead
    }
  }

  private static Duration backoff(int attempts) {
    return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts + 1, 8)));
  }

  private void save(Long id, java.util.function.Consumer<OutboxRecord> change) {
    tx.executeWithoutResult(status -> change.accept(repository.findById(id).orElseThrow()));
  }
}
