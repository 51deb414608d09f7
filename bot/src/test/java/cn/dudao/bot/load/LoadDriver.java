package cn.dudao.bot.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives encrypted WeCom callbacks at a node or load balancer at rising rates and reports ack
 * throughput and latency per step, then verifies the database (no acknowledged message lost, none
 * applied twice). Options ({@code --name=value}): target, jdbc, db-user, db-password, inspectors,
 * rates (comma-separated per second), seconds (per step), senders (threads), retry-fraction (share of
 * callbacks sent twice, as WeCom's retries), prefix (inspector ids), label, drain-timeout (s),
 * fault-at (s from start) and fault-cmd (a shell command run then, e.g. kill -9 of a node),
 * driver-warm-up (callbacks the driver seals and posts past the nodes before the clock starts; 20000).
 * deploy/bench/load.sh builds the class path and runs it; deploy/BENCHMARKS.md has the figures.
 */
public final class LoadDriver {

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    String label = o.getOrDefault("label", "run");
    String prefix = o.getOrDefault("prefix", "load");
    Inspectors inspectors = new Inspectors(prefix, Integer.parseInt(o.getOrDefault("inspectors", "3000")));
    List<Integer> rates = new ArrayList<>();
    for (String r : o.getOrDefault("rates", "250,500,1000").split(",")) {
      rates.add(Integer.parseInt(r.trim()));
    }
    int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
    int senders = Integer.parseInt(o.getOrDefault("senders", "64"));
    double retryFraction = Double.parseDouble(o.getOrDefault("retry-fraction", "0.05"));

    try (Connection db = connect(o)) {
      inspectors.ensureOnRoster(db);
      CallbackSender sender = new CallbackSender(o.getOrDefault("target", "http://127.0.0.1:8080"));
      ExecutorService pool = Executors.newFixedThreadPool(senders);
      sender.warmUp(pool, Integer.parseInt(o.getOrDefault("driver-warm-up", "20000")));
      Queue<Integer> idle = RateStep.allIdle(inspectors);
      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      RateStep step = new RateStep(inspectors, sender, pool, idle, acknowledged,
          new AtomicLong(System.currentTimeMillis() * 1_000L), retryFraction);
      Thread fault = scheduleFault(o);
      System.out.printf("%s: %d inspectors, %d sender threads, %d s per step, %.0f%% sent twice%n", label,
          inspectors.size(), senders, seconds, retryFraction * 100);
      System.out.println("| label | target/s | sent | acked | achieved/s | p50 ms | p99 ms | max ms | missed slots | failed attempts |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|");
      for (int rate : rates) {
        RateStep.Result r = step.run(rate, seconds);
        System.out.printf("| %s | %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %d | %d |%n", label, r.rate(), r.planned(),
            r.acknowledged(), r.achievedPerSecond(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.missedSlots(),
            r.failedAttempts());
      }
      pool.shutdown();
      pool.awaitTermination(2, TimeUnit.MINUTES);
      if (fault != null) {
        fault.join(TimeUnit.MINUTES.toMillis(2));
      }
      // A fresh connection: the run may have restarted the database under the first one.
      Connection verifyDb = connect(o);
      LoadVerifier verifier = new LoadVerifier(verifyDb, prefix);
      double drain = verifier.awaitDrained(Integer.parseInt(o.getOrDefault("drain-timeout", "600")));
      LoadVerifier.Verdict v = verifier.verify(acknowledged, inspectors, drain);
      System.out.printf("%s verdict: acknowledged=%d lost=%d duplicated inbound=%d failed=%d duplicated answers=%d "
              + "inspectors with wrong answers=%d answers=%d replies queued=%d drained %.1f s after the last step -> %s%n",
          label, v.acknowledged(), v.lost(), v.duplicatedRows(), v.failedRows(), v.duplicatedAnswers(),
          v.inspectorsWrong(), v.answers(), v.replies(), v.drainSeconds(), v.clean() ? "CLEAN" : "NOT CLEAN");
      double replies = verifier.awaitRepliesSent(Integer.parseInt(o.getOrDefault("drain-timeout", "600")));
      System.out.printf("%s outbox: %d replies, all sent %.1f s after the messages were applied%n", label,
          v.replies(), replies);
      System.exit(v.clean() ? 0 : 1);
    }
  }

  private static Connection connect(Map<String, String> o) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return DriverManager.getConnection(o.getOrDefault("jdbc", "jdbc:mariadb://127.0.0.1:3306/dudao"),
            o.getOrDefault("db-user", "root"), o.getOrDefault("db-password", ""));
      } catch (java.sql.SQLException e) {
        if (attempt == 60) {
          throw new IllegalStateException("database unreachable: " + e.getMessage(), e);
        }
        Thread.sleep(1_000);
      }
    }
  }

  private static Thread scheduleFault(Map<String, String> o) {
    if (!o.containsKey("fault-cmd")) {
      return null;
    }
    long at = Long.parseLong(o.getOrDefault("fault-at", "10"));
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(at * 1000);
        System.out.println("fault at " + at + " s: " + o.get("fault-cmd"));
        Process p = new ProcessBuilder("bash", "-c", o.get("fault-cmd")).inheritIO().start();
        System.out.println("fault command exited " + p.waitFor());
      } catch (Exception e) {
        System.out.println("fault command failed: " + e);
      }
    }, "fault");
    t.start();
    return t;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (String a : args) {
      if (!a.startsWith("--") || !a.contains("=")) {
        throw new IllegalArgumentException("options are --name=value, got " + a);
      }
      o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    return o;
  }
}
