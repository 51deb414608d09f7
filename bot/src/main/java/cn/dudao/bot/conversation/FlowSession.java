package cn.dudao.bot.conversation;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inspection.Inspection;
import cn.dudao.bot.inspection.Inspections;
import cn.dudao.bot.outbox.OutgoingMessage;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.sampling.InspectorTasks;
import cn.dudao.flows.definition.Flow;
import cn.dudao.flows.engine.ConversationState;
import cn.dudao.flows.engine.FlowEngine;
import cn.dudao.flows.engine.FlowEvent;
import cn.dudao.flows.engine.Input;
import cn.dudao.flows.engine.StepResult;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Runs one message of a rostered member through his flow: starts a flow on its start word, otherwise
 * steps the engine, and turns the engine's events into stored answers, findings and replies. Called
 * inside the conversation transaction only.
 */
@Component
class FlowSession {

  private final FlowCatalog catalog;
  private final FlowEngine engine = new FlowEngine();
  private final StateCodec codec;
  private final FlowStarts starts;
  private final Placement placement;
  private final Inspections inspections;
  private final InspectorTasks tasks;
  private final Clock clock;

  FlowSession(FlowCatalog catalog, StateCodec codec, FlowStarts starts, Placement placement, Inspections inspections,
              InspectorTasks tasks, Clock clock) {
    this.catalog = catalog;
    this.codec = codec;
    this.starts = starts;
    this.placement = placement;
    this.inspections = inspections;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** True while the person is inside a flow (answering or paused). */
  boolean inFlow(ConversationRecord conversation) {
    return codec.decode(conversation.getStateJson()).map(s -> s.status() == ConversationState.Status.ACTIVE
        || s.status() == ConversationState.Status.PAUSED).orElse(false);
  }

  void apply(ConversationRecord conversation, Member member, InboundMessage message, ReplyBuffer replies) {
    Optional<ConversationState> state = codec.decode(conversation.getStateJson());
    if (!inFlow(conversation)) {
      idle(conversation, member, message, replies);
      return;
    }
    Optional<Input> input = InputMapper.toInput(message);
    if (input.isEmpty()) {
      return;
    }
    Flow flow = catalog.get(state.get().flowId());
    StepResult result = engine.step(flow, state.get(), input.get());
    handle(result, conversation, member, replies);
    boolean cardAnswer = input.get() instanceof Input.Choice || input.get() instanceof Input.MultiChoice;
    if (cardAnswer && message.responseCode() != null && answered(result)) {
      replies.add(OutgoingMessage.cardUpdate(message.responseCode(), Replies.chosen(lastDisplay(result))));
    }
  }

  private void idle(ConversationRecord conversation, Member member, InboundMessage message, ReplyBuffer replies) {
    Optional<String> flowId = starts.requested(message);
    if (flowId.isPresent()) {
      start(flowId.get(), conversation, member, replies);
    } else if (message.kind() == InboundMessage.Kind.TEXT && InspectorTasks.asks(message.text())) {
      replies.say(tasks.describe(member));
    } else if (message.kind() == InboundMessage.Kind.ENTER_AGENT) {
      replies.say(Replies.WELCOME.formatted(member.getName(), member.getRole().label()));
      replies.say(starts.menu());
      replies.say(Replies.TASKS_HINT);
    } else if (message.kind() == InboundMessage.Kind.CARD_EVENT) {
      replies.say(Replies.STALE_CARD);
    } else {
      replies.say(starts.menu());
      replies.say(Replies.TASKS_HINT);
      replies.say(Replies.COMMANDS);
    }
  }

  private void start(String flowId, ConversationRecord conversation, Member member, ReplyBuffer replies) {
    Flow flow = catalog.get(flowId);
    var context = starts.context(member);
    if (flowId.startsWith("village") && ((java.util.List<?>) context.get("villages")).isEmpty()) {
      replies.say(Replies.NO_VILLAGES);
      return;
    }
    Inspection inspection = inspections.start(member, flow.id(), flow.revision());
    StepResult result = engine.start(flow, context);
    conversation.update(member.getId(), inspection.getId(), flow.id(), null, clock.instant());
    handle(result, conversation, member, replies);
  }

  private void handle(StepResult result, ConversationRecord conversation, Member member, ReplyBuffer replies) {
    long inspectionId = conversation.getInspectionId();
    for (FlowEvent event : result.events()) {
      if (event instanceof FlowEvent.AnswerRecorded a) {
        placement.place(inspectionId, a, result.state(), member);
        inspections.recordAnswer(inspectionId, a.key(), a.nodeId(), a.value(), a.display(), a.revision(), member);
      } else if (event instanceof FlowEvent.AnswersCleared c) {
        inspections.clearAnswers(inspectionId, c.keys());
      } else if (event instanceof FlowEvent.QuestionAsked q) {
        replies.ask(q);
      } else if (event instanceof FlowEvent.InputRejected r) {
        replies.say(r.hint());
      } else if (event instanceof FlowEvent.StaleInputIgnored) {
        replies.say(Replies.STALE_CARD);
      } else if (event instanceof FlowEvent.MessageShown m) {
        replies.say(m.text());
      } else if (event instanceof FlowEvent.Completed) {
        inspections.confirm(inspectionId, member);
        replies.say(Replies.CONFIRMED.formatted(placement.subject(inspectionId), member.getName(),
            Replies.SIGNED_AT.format(clock.instant())));
      } else if (event instanceof FlowEvent.FindingRecorded f) {
        inspections.recordFinding(inspectionId, f.nodeId(), f.key(), f.value(), f.display(), f.meta(),
            f.description(), f.evidenceIds(), member);
      } else if (event instanceof FlowEvent.Exited) {
        inspections.abandon(inspectionId);
      }
    }
    conversation.update(member.getId(), inspectionId, result.state().flowId(), codec.encode(result.state()),
        clock.instant());
  }

  private static boolean answered(StepResult result) {
    return result.events().stream().anyMatch(e -> e instanceof FlowEvent.AnswerRecorded)
        && result.events().stream().noneMatch(e -> e instanceof FlowEvent.InputRejected);
  }

  private static String lastDisplay(StepResult result) {
    return result.events().stream().filter(e -> e instanceof FlowEvent.AnswerRecorded)
        .map(e -> ((FlowEvent.AnswerRecorded) e).display()).reduce((a, b) -> b).orElse("");
  }
}
