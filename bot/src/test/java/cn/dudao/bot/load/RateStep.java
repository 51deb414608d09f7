package cn.dudao.bot.load;

import cn.dudao.bot.wecom.callback.SealedCallback;
import java.util.Arrays;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One step of a run: callbacks at a fixed rate for a fixed time, open loop. Each slot goes to an idle
 * inspector (one who has no callback in flight), so each person's messages stay in order. Latency is
 * measured from the slot's planned time to the 200, so a stalled server is not hidden by the driver
 * waiting for it. A callback that is not acknowledged is sent again, as WeCom does, until it is.
 */
final class RateStep {

  /** What one step measured. */
  record Result(int rate, int seconds, int planned, int acknowledged, int missedSlots, int failedAttempts,
                int duplicatesSent, double achievedPerSecond, double p50Ms, double p99Ms, double maxMs) {}

  private static final int MAX_ATTEMPTS = 60;

  private final Inspectors inspectors;
  private final CallbackSender sender;
  private final ExecutorService pool;
  private final Queue<Integer> idle;
  private final Set<String> acknowledgedKeys;
  private final AtomicLong msgIds;
  private final double retryFraction;

  RateStep(Inspectors inspectors, CallbackSender sender, ExecutorService pool, Queue<Integer> idle,
           Set<String> acknowledgedKeys, AtomicLong msgIds, double retryFraction) {
    this.inspectors = inspectors;
    this.sender = sender;
    this.pool = pool;
    this.idle = idle;
    this.acknowledgedKeys = acknowledgedKeys;
    this.msgIds = msgIds;
    this.retryFraction = retryFraction;
  }

  static Queue<Integer> allIdle(Inspectors inspectors) {
    Queue<Integer> idle = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < inspectors.size(); i++) {
      idle.add(i);
    }
    return idle;
  }

  Result run(int rate, int seconds) throws InterruptedException {
    int planned = rate * seconds;
    long[] latencies = new long[planned];
    AtomicInteger recorded = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger duplicates = new AtomicInteger();
    int missed = 0;
    CountDownLatch done = new CountDownLatch(planned);
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (int i = 0; i < planned; i++) {
      long slot = start + i * interval;
      long wait = slot - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      Integer inspector = idle.poll();
      if (inspector == null) {
        missed++;
        done.countDown();
        continue;
      }
      pool.execute(() -> {
        try {
          long latency = send(inspector, slot, failed, duplicates);
          if (latency >= 0) {
            latencies[recorded.getAndIncrement()] = latency;
          }
        } finally {
          idle.add(inspector);
          done.countDown();
        }
      });
    }
    if (!done.await(seconds + 120L, TimeUnit.SECONDS)) {
      System.out.println("warning: step at " + rate + "/s did not finish in time");
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] sorted = Arrays.copyOf(latencies, recorded.get());
    Arrays.sort(sorted);
    return new Result(rate, seconds, planned, sorted.length, missed, failed.get(), duplicates.get(),
        sorted.length / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
  }

  /** Sends the inspector's next message until acknowledged; returns the latency in ns, or -1. */
  private long send(int inspector, long slot, AtomicInteger failed, AtomicInteger duplicates) {
    long msgId = msgIds.incrementAndGet();
    SealedCallback sealed = sender.seal(inspectors.id(inspector), msgId, inspectors.nextText(inspector));
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (sender.post(sealed) == 200) {
        long latency = System.nanoTime() - slot;
        acknowledgedKeys.add("msg:" + msgId);
        inspectors.acknowledged(inspector);
        if (ThreadLocalRandom.current().nextDouble() < retryFraction) {
          duplicates.incrementAndGet();
          if (sender.post(sealed) != 200) {
            failed.incrementAndGet();
          }
        }
        return latency;
      }
      failed.incrementAndGet();
      LockSupport.parkNanos(500_000_000L);
      if (attempt % 10 == 0) {
        // WeCom's own retries come within seconds; after that a person sends it again, newly signed.
        sealed = sender.seal(inspectors.id(inspector), msgId, inspectors.nextText(inspector));
      }
    }
    System.out.println("gave up on msg " + msgId + " of " + inspectors.id(inspector));
    return -1;
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
