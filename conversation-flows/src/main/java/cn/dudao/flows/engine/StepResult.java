package cn.dudao.flows.engine;

import java.util.List;

/** The outcome of one engine step: the new state and what happened, in order. */
public record StepResult(ConversationState state, List<FlowEvent> events) {
  public StepResult {
    events = List.copyOf(events);
  }
}
