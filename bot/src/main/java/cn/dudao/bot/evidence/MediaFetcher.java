package cn.dudao.bot.evidence;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.Actors;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fetches the photo of every recorded image message of a known sender (an inspector or a unit contact)
 * at once, off the callback's ack path and outside any conversation transaction: tries up to {@code download-attempts} times with doubling pauses, then
 * settles the outcome and wakes the sender's conversation, which applies the image in its place in
 * his queue. A sweep takes up images whose node died before settling them; fetching twice is harmless.
 */
@Component
class MediaFetcher {

  private static final Logger log = LoggerFactory.getLogger(MediaFetcher.class);
  /** An image still unsettled after this long is fetched by whichever node's sweep sees it. */
  private static final Duration ORPHAN_AGE = Duration.ofSeconds(60);

  private final MediaFetches fetches;
  private final InboxRepository inboxRecords;
  private final Inbox inbox;
  private final Actors actors;
  private final MediaDownloader downloader;
  private final PhotoIntake intake;
  private final EvidenceProperties properties;
  private final ScheduledExecutorService pool;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

  MediaFetcher(MediaFetches fetches, InboxRepository inboxRecords, Inbox inbox, Actors actors,
               MediaDownloader downloader, PhotoIntake intake, EvidenceProperties properties,
               @Qualifier("dudaoMediaFetchers") ScheduledExecutorService pool, ApplicationEventPublisher events,
               Clock clock) {
    this.fetches = fetches;
    this.inboxRecords = inboxRecords;
    this.inbox = inbox;
    this.actors = actors;
    this.downloader = downloader;
    this.intake = intake;
    this.properties = properties;
    this.pool = pool;
    this.events = events;
    this.clock = clock;
  }

  @EventListener
  void onRecorded(Inbox.MessageRecorded event) {
    // Only an image brings a photo to fetch: a text, event or location costs no query here.
    if (event.kind() != InboundMessage.Kind.IMAGE) {
      return;
    }
    submit(() -> fetches.unsettled(event.userId()).forEach(this::start));
  }

  @Scheduled(fixedDelayString = "${dudao.evidence.sweep-interval:10s}")
  void sweep() {
    try {
      fetches.orphans(clock.instant().minus(ORPHAN_AGE), 100).forEach(id -> submit(() -> start(id)));
    } catch (RuntimeException e) {
      log.warn("Media fetch sweep failed: {}", e.toString());
    }
  }

  private void start(long inboundId) {
    if (!inFlight.add(inboundId)) {
      return;
    }
    try {
      InboundRecord record = inboxRecords.findById(inboundId).orElse(null);
      // Photos of inspectors and unit contacts are fetched; anyone else's message is refused without
      // waiting (the conversation waits for a fetch on exactly this condition: a known sender).
      if (record == null || actors.forWecomUser(record.getUserId()).role() == Actor.Role.UNKNOWN) {
        inFlight.remove(inboundId);
        return;
      }
      attempt(record, inbox.read(record), 1);
    } catch (RuntimeException e) {
      inFlight.remove(inboundId);
      log.warn("Could not start fetching the photo of inbound message {}: {}", inboundId, e.toString());
    }
  }

  private void attempt(InboundRecord record, InboundMessage message, int attempt) {
    try {
      StoredPhoto photo = message.channel() == InboundMessage.Channel.SIMULATOR
          ? intake.ingestStored(message.mediaId())
          : intake.ingest(downloader.download(message.mediaId(), properties.maxPhotoSize().toBytes()));
      settle(record, attempt, () -> fetches.settleStored(record.getId(), record.getUserId(), record.getChannel(),
          record.getReceivedAt(), photo, attempt));
    } catch (PhotoRejectedException refused) {
      log.info("Photo of inbound message {} refused: {} ({})", record.getId(), refused.outcome(), refused.getMessage());
      settle(record, attempt, () -> fetches.settleRefused(record.getId(), record.getUserId(), refused.outcome(),
          attempt, refused.getMessage()));
    } catch (MediaUnavailableException | IOException | RuntimeException e) {
      if (attempt >= properties.downloadAttempts()) {
        log.warn("Photo of inbound message {} not fetched after {} attempts: {}", record.getId(), attempt, e.toString());
        settle(record, attempt, () -> fetches.settleRefused(record.getId(), record.getUserId(),
            MediaOutcome.DOWNLOAD_FAILED, attempt, e.toString()));
        return;
      }
      long pause = properties.downloadBackoff().toMillis() << Math.min(attempt - 1, 16);
      log.debug("Photo of inbound message {} failed attempt {}: {}; next in {} ms", record.getId(), attempt, e, pause);
      try {
        pool.schedule(() -> attempt(record, message, attempt + 1), pause, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException shuttingDown) {
        inFlight.remove(record.getId());
      }
    }
  }

  private void settle(InboundRecord record, int attempts, Runnable write) {
    try {
      write.run();
    } catch (DataIntegrityViolationException settledElsewhere) {
      log.debug("Photo of inbound message {} was settled by another node", record.getId());
    } catch (RuntimeException e) {
      // The database is unreachable: leave it unsettled, the sweep tries again.
      log.warn("Could not settle the photo of inbound message {} after {} attempts: {}", record.getId(), attempts,
          e.toString());
      inFlight.remove(record.getId());
      return;
    }
    inFlight.remove(record.getId());
    events.publishEvent(new MediaFetched(record.getUserId(), record.getId()));
  }

  private void submit(Runnable task) {
    try {
      pool.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          log.warn("Media fetch task failed: {}", e.toString());
        }
      });
    } catch (RejectedExecutionException shuttingDown) {
      // the sweep of a running node takes it up
    }
  }
}
