package cn.dudao.flows.engine;

import cn.dudao.flows.definition.Flow;
import java.util.Map;

/** The pure conversation engine: (flow, state, input) → (new state, events). Thread-safe, stateless. */
public final class FlowEngine {

  /**
   * Starts {@code flow}. {@code context} carries the data a flow refers to, for example
   * {@code villages} as a list of maps with {@code key} and {@code label} for {@code options_from}.
   */
  public StepResult start(Flow flow, Map<String, Object> context) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Applies one input to {@code state}. */
  public StepResult step(Flow flow, ConversationState state, Input input) {
    throw new UnsupportedOperationException("TODO");
  }
}
