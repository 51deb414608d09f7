package cn.dudao.admin.exports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.admin.problems.ProblemRow;
import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

/**
 * Exports 100,000 problem rows to 问题清单.xlsx with Dudao's SXSSF writer and writes the same rows with
 * fastexcel, in one JVM, and prints time, peak heap and allocation of each. Not part of {@code mvn verify}
 * (no *Test / *IT suffix). Run (deploy/EXPORTS.md):
 * <pre>mvn -B -pl admin -am test -Dtest=ProblemExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx512m</pre>
 */
class ProblemExportBenchmark {

  static final int ROWS = Integer.getInteger("rows", 100_000);
  static final int WARM_UP = 10_000;
  /** Measured rounds, the two writers alternating (the machine is shared: look at the spread). */
  static final int ROUNDS = Integer.getInteger("rounds", 3);

  /** One writer's figures. */
  record Figures(String writer, int rows, long millis, long baselineMb, long peakUsedMb, long peakLiveMb,
                 long allocatedMb, long fileKb) {
    @Override
    public String toString() {
      return String.format("| %-32s | %,9d | %,8d ms | %,4d MB | %,6d MB | %,6d MB | %,8d MB | %,8d KB |", writer, rows,
          millis, baselineMb, peakUsedMb, peakLiveMb, allocatedMb, fileKb);
    }
  }

  /** A writer under test. */
  interface Writer {
    void write(int rows, OutputStream out) throws IOException;
  }

  @Test
  void exportOneHundredThousandRows() throws Exception {
    Path dir = Files.createTempDirectory("dudao-export-bench");
    Writer poi = (rows, out) -> new ProblemListWorkbook(id -> Optional.empty())
        .write("问题清单（基准测试）", "benchmark", "http://localhost:8080", sink -> rows(rows, sink), out);
    Writer fast = ProblemExportBenchmark::fastexcel;
    run("warm-up poi", poi, WARM_UP, dir);
    run("warm-up fastexcel", fast, WARM_UP, dir);
    List<Figures> figures = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      figures.add(run("Dudao POI SXSSF (styles, links)", poi, ROWS, dir));
      figures.add(run("fastexcel 1.3.0 (same cells)", fast, ROWS, dir));
    }
    String table = "| writer | rows | time | heap before | peak heap used | peak live after GC | allocated | file |\n"
        + "|---|---|---|---|---|---|---|---|\n" + String.join("\n", figures.stream().map(Figures::toString).toList());
    String machine = Runtime.getRuntime().availableProcessors() + " cores, max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, Java " + System.getProperty("java.version");
    System.out.println("\nProblem list export, " + Instant.now() + ", " + machine + "\n" + table + "\n");
    Path report = Path.of("target", "benchmarks", "problem-export.md");
    Files.createDirectories(report.getParent());
    Files.writeString(report, machine + "\n\n" + table + "\n");
    assertThat(rowsIn(dir.resolve("Dudao POI SXSSF (styles, links).xlsx"))).isEqualTo(ProblemListWorkbook.HEADER_ROW + 1 + ROWS);
    assertThat(rowsIn(dir.resolve("fastexcel 1.3.0 (same cells).xlsx"))).isEqualTo(1 + ROWS);
  }

  /** Rows in the first sheet, counted in the XML stream (a 100,000-row sheet is too big for XSSFWorkbook). */
  static long rowsIn(Path xlsx) throws IOException {
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(xlsx.toFile());
         java.util.Scanner scanner = new java.util.Scanner(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")),
             java.nio.charset.StandardCharsets.UTF_8)) {
      return scanner.findAll("<row ").count();
    }
  }

  private static Figures run(String name, Writer writer, int rows, Path dir) throws Exception {
    System.gc();
    Thread.sleep(200);
    long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    HeapWatch watch = new HeapWatch();
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    Path file = dir.resolve(name + ".xlsx");
    long start = System.nanoTime();
    try (OutputStream out = Files.newOutputStream(file)) {
      writer.write(rows, out);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
    watch.stop();
    return new Figures(name, rows, millis, baseline >> 20, watch.peakUsed.get() >> 20, watch.peakLive.get() >> 20, allocated >> 20,
        Files.size(file) >> 10);
  }

  private static void fastexcel(int rows, OutputStream out) {
    List<List<String>> head = ProblemListWorkbook.HEADERS.stream().map(List::of).toList();
    try (ExcelWriter writer = FastExcel.write(out).head(head).build()) {
      WriteSheet sheet = FastExcel.writerSheet("问题清单").build();
      List<List<Object>> batch = new ArrayList<>();
      int[] n = {0};
      rows(rows, row -> {
        batch.add(List.of(Integer.toString(++n[0]), row.number(), row.category(), row.indicatorName(), row.teamName(),
            row.areaName(), row.villageName(), row.object(), row.result(), row.wording(), row.inspectorName(),
            cn.dudao.admin.console.ConsoleTimes.minutes(row.recordedAt()), "", "", "", "", "", "", "",
            "http://localhost:8080/problems/" + row.id()));
        if (batch.size() == 1000) {
          writer.write(batch, sheet);
          batch.clear();
        }
      });
      if (!batch.isEmpty()) {
        writer.write(batch, sheet);
      }
    }
  }

  /** Rows like the seed's: 26 indicators in four categories, nine areas, two villages each. */
  static void rows(int count, Consumer<ProblemRow> sink) {
    String[] categories = {"责任落实", "巩固成果", "工作落实", "政策落实", "自查项目"};
    String[] areas = {"右卫镇", "元堡子镇", "李达窑乡", "高家堡乡", "杀虎口风景名胜区", "新城镇", "威远镇", "牛心堡乡", "杨千河乡"};
    Instant at = Instant.parse("2021-10-26T02:00:00Z");
    for (int i = 1; i <= count; i++) {
      String area = areas[i % areas.length];
      String text = "第" + i + "号问题：监测对象识别不及时，两户未纳入监测，帮扶措施未落实到位。";
      cn.dudao.bot.problem.ProblemStatus state = cn.dudao.bot.problem.ProblemStatus.values()[i % 6];
      sink.accept(new ProblemRow(i, 1, (long) i, (long) (i / 20), "area-check", "乡镇督导", "indicator_" + (i % 26),
          "indicator_" + (i % 26), "防止返贫动态监测帮扶情况", categories[i % categories.length], (long) (i % 2 + 1),
          i % 2 == 0 ? "第一组" : "第二组", (long) (i % 9), area, (long) i % 18,
          area.substring(0, 2) + "示例" + (i % 2 == 0 ? "一" : "二") + "村", null, "不达标", text,
          "防止返贫动态监测帮扶情况：" + text, List.of(), i % 2 == 0 ? "吕利平" : "王成", at.plusSeconds(i), state,
          state.label(), i % 3 == 0 ? "红色" : "", (long) (i % 12), "县水利局", java.time.LocalDate.of(2021, 11, 15)
              .plusDays(i % 30), null));
    }
  }

  /** Samples heap use every 5 ms and listens to GCs for the live heap after each collection. */
  static final class HeapWatch {
    static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).map(java.lang.management.MemoryPoolMXBean::getName)
        .collect(java.util.stream.Collectors.toSet());
    final AtomicLong peakUsed = new AtomicLong();
    final AtomicLong peakLive = new AtomicLong();
    private final Thread sampler;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (notification, handback) -> {
      if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
        GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long live = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
            .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
        peakLive.accumulateAndGet(live, Math::max);
      }
    };
    private volatile boolean running = true;

    HeapWatch() {
      ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> {
        NotificationEmitter emitter = (NotificationEmitter) gc;
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      });
      peakLive.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      sampler = new Thread(() -> {
        while (running) {
          peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.setDaemon(true);
      sampler.start();
    }

    void stop() throws Exception {
      running = false;
      sampler.join();
      for (NotificationEmitter emitter : emitters) {
        emitter.removeNotificationListener(listener);
      }
    }
  }
}
