package cn.dudao.flows.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A cross-check of the JMH figure that does not depend on machine load: engine steps per second of
 * this thread's CPU time (a shared build machine makes wall-clock throughput noisy).
 */
public final class StepCost {
  private StepCost() {}

  public static void main(String[] args) {
    EngineBenchmark bench = new EngineBenchmark();
    bench.setUp();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int visits = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    for (int round = 1; round <= 5; round++) {
      long cpu = mx.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      int sink = 0;
      for (int i = 0; i < visits; i++) {
        sink += bench.visit().step();
      }
      double cpuSeconds = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
      double wallSeconds = (System.nanoTime() - wall) / 1e9;
      long steps = (long) visits * EngineBenchmark.STEPS;
      System.out.printf("round %d: %,.0f steps/s of CPU time, %,.0f steps/s wall clock (%d)%n", round,
          steps / cpuSeconds, steps / wallSeconds, sink % 10);
    }
  }
}
