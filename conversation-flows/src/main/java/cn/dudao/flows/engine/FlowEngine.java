package cn.dudao.flows.engine;

import cn.dudao.flows.definition.Flow;
import cn.dudao.flows.definition.Node;
import cn.dudao.flows.engine.ConversationState.Status;
import cn.dudao.flows.question.QuestionTypes;
import cn.dudao.flows.question.Texts;
import java.util.Map;

/** The pure conversation engine: (flow, state, input) → (new state, events). Thread-safe, stateless. */
public final class FlowEngine {

  /**
   * Starts {@code flow}. {@code context} carries the data a flow refers to, for example
   * {@code villages} as a list of maps with {@code key} and {@code label} for {@code options_from}.
   */
  @SuppressWarnings("unchecked")
  public StepResult start(Flow flow, Map<String, Object> context) {
    Map<String, Object> data = (Map<String, Object>) StateCodec.deep(context == null ? Map.of() : context);
    Run run = new Run(flow, new ConversationState(flow.id(), flow.revision(), Status.ACTIVE, 0, null,
        Map.of(), data));
    if (flow.greeting() != null) {
      run.emit(new FlowEvent.MessageShown(flow.greeting().strip()));
    }
    Walker.walk(run, Routes.first(run));
    return run.result();
  }

  /** Applies one input to {@code state}. */
  public StepResult step(Flow flow, ConversationState state, Input input) {
    if (!flow.id().equals(state.flowId())) {
      throw new IllegalArgumentException("state of flow " + state.flowId() + " given with flow " + flow.id());
    }
    if (state.status() == Status.COMPLETED || state.status() == Status.EXITED || state.currentNode() == null) {
      return unchanged(state, new FlowEvent.MessageShown(Words.FINISHED));
    }
    Command command = input instanceof Input.Text t ? Command.of(Texts.fold(t.text())) : null;
    if (state.status() == Status.PAUSED) {
      return whilePaused(flow, state, command);
    }
    if (input instanceof Input.Choice c && c.step() != state.step()
        || input instanceof Input.MultiChoice m && m.step() != state.step()) {
      int step = input instanceof Input.Choice c ? c.step() : ((Input.MultiChoice) input).step();
      // The bot words the note itself (it may also grey out the old card).
      return unchanged(state, new FlowEvent.StaleInputIgnored(step));
    }
    Run run = new Run(flow, state);
    if (command == null) {
      if (input instanceof Input.Unsupported) {
        Answering.reject(run, Words.UNSUPPORTED + howTo(run));
      } else {
        Answering.answer(run, input);
      }
    } else {
      command(run, command);
    }
    return run.result();
  }

  private void command(Run run, Command command) {
    switch (command) {
      case HELP -> run.emit(new FlowEvent.MessageShown(Words.HELP + "\n当前题目：" + howTo(run)));
      case PROGRESS -> run.emit(new FlowEvent.MessageShown(Overview.progress(run)));
      case BACK -> {
        if ("confirm".equals(run.flow.node(run.current.node()).type())) {
          run.emit(new FlowEvent.MessageShown(Words.CHANGE));
        }
        Rewind.back(run);
      }
      case SKIP -> {
        if (run.flow.node(run.current.node()).skippable()) {
          Answering.skip(run);
        } else {
          Answering.reject(run, Words.NOT_SKIPPABLE + howTo(run));
        }
      }
      case PAUSE -> {
        run.status = Status.PAUSED;
        run.emit(new FlowEvent.Paused());
        run.emit(new FlowEvent.MessageShown(Words.PAUSED));
      }
      case RESUME -> run.emit(Render.question(run, run.current));
      case EXIT -> exit(run);
    }
  }

  private StepResult whilePaused(Flow flow, ConversationState state, Command command) {
    Run run = new Run(flow, state);
    if (command == Command.RESUME) {
      run.status = Status.ACTIVE;
      run.emit(new FlowEvent.Resumed());
      run.emit(new FlowEvent.MessageShown(Overview.progress(run)));
      run.emit(Render.question(run, run.current));
    } else if (command == Command.EXIT) {
      exit(run);
    } else if (command == Command.HELP) {
      run.emit(new FlowEvent.MessageShown(Words.HELP + "\n" + Words.STILL_PAUSED));
    } else if (command == Command.PROGRESS) {
      run.emit(new FlowEvent.MessageShown(Overview.progress(run) + "\n" + Words.STILL_PAUSED));
    } else {
      return unchanged(state, new FlowEvent.MessageShown(Words.STILL_PAUSED));
    }
    return run.result();
  }

  private static void exit(Run run) {
    run.status = Status.EXITED;
    run.current = null;
    run.removeData(Run.PENDING);
    run.emit(new FlowEvent.Exited());
    run.emit(new FlowEvent.MessageShown(Words.EXITED));
  }

  private static String howTo(Run run) {
    Node n = run.flow.node(run.current.node());
    return QuestionTypes.of(n.type()).howTo(Render.asked(run, run.current));
  }

  private static StepResult unchanged(ConversationState state, FlowEvent... events) {
    return new StepResult(state, java.util.List.of(events));
  }
}
