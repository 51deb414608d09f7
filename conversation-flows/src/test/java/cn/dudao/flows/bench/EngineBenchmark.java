package cn.dudao.flows.bench;

import cn.dudao.flows.definition.Flow;
import cn.dudao.flows.engine.ConversationState;
import cn.dudao.flows.engine.FlowEngine;
import cn.dudao.flows.engine.Input;
import cn.dudao.flows.engine.StepResult;
import cn.dudao.flows.testing.Flows;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Engine steps per second on the household visit: one invocation runs a whole visit (start plus
 * {@link #INPUTS}: a household at risk, a rejected answer, photos, a location, going back and
 * changing an answer, confirmation), so the score is steps per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {
  static final List<Input> INPUTS = List.of(t("1"), t("脱贫不稳定户"), t("是"), t("2"), t("孩子辍学"), t("是"),
      t("否"), t("墙体裂缝"), t("是"), t("25"), t("4"), t("2.4万"), t("1，2"), t("三级预警"), t("否"),
      t("未纳入监测"), t("1 6 7"), t("不满意"), t("危房改造未落实"), new Input.Photo("ev-1"), t("完成"),
      t("跳过"), new Input.Location(39.98, 112.47, "李家沟村"), t("修改"), t("上一题"), t("上一题"),
      t("上一题"), t("房屋漏雨"), t("进度"), t("确认"));
  /** Engine calls per visit: start plus every input. */
  static final int STEPS = 31;

  private final FlowEngine engine = new FlowEngine();
  private Flow flow;
  private Map<String, Object> context;

  private static Input t(String text) {
    return new Input.Text(text);
  }

  @Setup
  public void setUp() {
    flow = Flows.load("household-visit");
    context = Map.of("monitoring_line", 6500, "households", List.of(
        Map.of("key", "h-001", "label", "王二小（李家沟村）"), Map.of("key", "h-002", "label", "张大山（李家沟村）")));
  }

  @Benchmark
  @OperationsPerInvocation(STEPS)
  public void householdVisit(Blackhole hole) {
    hole.consume(visit());
  }

  /** One complete visit; returns the final state. */
  ConversationState visit() {
    StepResult r = engine.start(flow, context);
    for (Input input : INPUTS) {
      r = engine.step(flow, r.state(), input);
    }
    return r.state();
  }

  public static void main(String[] args) throws Exception {
    new Runner(new OptionsBuilder().include(EngineBenchmark.class.getSimpleName())
        .forks(1).warmupIterations(3).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2))
        .measurementIterations(5).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2))
        .threads(1).build()).run();
  }
}
