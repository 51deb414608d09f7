package cn.dudao.flows.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.flows.engine.ConversationState;
import org.junit.jupiter.api.Test;

/** The benchmark measures a real, complete visit: its script must end in a completed state. */
class EngineBenchmarkScriptTest {

  @Test
  void scriptCompletesTheVisit() {
    EngineBenchmark bench = new EngineBenchmark();
    bench.setUp();
    ConversationState end = bench.visit();
    assertThat(end.status()).isEqualTo(ConversationState.Status.COMPLETED);
    assertThat(EngineBenchmark.STEPS).isEqualTo(EngineBenchmark.INPUTS.size() + 1);
    assertThat(end.answers()).containsEntry("confirmed", true).containsKey("visit_location")
        .containsEntry("satisfaction_note", "房屋漏雨");
  }
}
