package cn.dudao.flows.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.flows.definition.Flow;
import cn.dudao.flows.engine.ConversationState;
import cn.dudao.flows.engine.FlowEngine;
import cn.dudao.flows.engine.FlowEvent;
import cn.dudao.flows.engine.Input;
import cn.dudao.flows.engine.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drives one conversation in a test. After every step it checks that the state survives
 * toMap → JSON-like conversion → fromMap unchanged, as the bot stores it.
 */
public final class Conversation {
  private final FlowEngine engine = new FlowEngine();
  private final Flow flow;
  private ConversationState state;
  private List<FlowEvent> events;

  public Conversation(Flow flow, Map<String, Object> context) {
    this.flow = flow;
    apply(engine.start(flow, context));
  }

  public Conversation say(String text) {
    return send(new Input.Text(text));
  }

  public Conversation press(String optionKey) {
    return send(new Input.Choice(state.step(), optionKey));
  }

  public Conversation send(Input input) {
    apply(engine.step(flow, state, input));
    return this;
  }

  private void apply(StepResult result) {
    state = result.state();
    events = result.events();
    ConversationState back = ConversationState.fromMap(JsonLike.roundTrip(state.toMap()));
    assertThat(back).as("state after JSON round trip").isEqualTo(state);
    assertThat(ConversationState.fromMap(state.toMap())).isEqualTo(state);
  }

  public ConversationState state() {
    return state;
  }

  public List<FlowEvent> events() {
    return events;
  }

  public <T extends FlowEvent> List<T> events(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (FlowEvent e : events) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }

  public <T extends FlowEvent> T only(Class<T> type) {
    List<T> found = events(type);
    assertThat(found).as("events of type %s in %s", type.getSimpleName(), events).hasSize(1);
    return found.get(0);
  }

  /** The question just asked (the last QuestionAsked of the step). */
  public FlowEvent.QuestionAsked question() {
    List<FlowEvent.QuestionAsked> asked = events(FlowEvent.QuestionAsked.class);
    assertThat(asked).as("a question in %s", events).isNotEmpty();
    return asked.get(asked.size() - 1);
  }

  /** All MessageShown texts of the step, joined by newlines. */
  public String messages() {
    StringBuilder sb = new StringBuilder();
    for (FlowEvent.MessageShown m : events(FlowEvent.MessageShown.class)) {
      sb.append(m.text()).append('\n');
    }
    return sb.toString();
  }
}
