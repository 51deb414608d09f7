package cn.dudao.bot.conversation;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.inspection.Finding;
import cn.dudao.bot.inspection.Inspections;
import cn.dudao.bot.outbox.OutgoingMessage;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.problem.ComplaintProblems;
import cn.dudao.bot.problem.ProblemIntake;
import cn.dudao.bot.sampling.InspectorTasks;
import cn.dudao.flows.definition.Flow;
import cn.dudao.flows.definition.Node;
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
 * steps the engine, and turns the engine's events into stored answers, findings and replies. Photos
 * and locations pass through {@link EvidenceSteps} first. Called inside the conversation transaction only.
 */
@Component
class FlowSession {

  private final FlowCatalog catalog;
  private final FlowEngine engine = new FlowEngine();
  private final StateCodec codec;
  private final FlowStarts starts;
  private final Placement placement;
  private final Inspections inspections;
  private final EvidenceSteps evidence;
  private final InspectorTasks tasks;
  private final ProblemIntake problems;
  private final ComplaintProblems complaints;
  private final Clock clock;

  FlowSession(FlowCatalog catalog, StateCodec codec, FlowStarts starts, Placement placement, Inspections inspections,
              EvidenceSteps evidence, InspectorTasks tasks, ProblemIntake problems, ComplaintProblems complaints,
              Clock clock) {
    this.catalog = catalog;
    this.codec = codec;
    this.starts = starts;
    this.placement = placement;
    this.inspections = inspections;
    this.evidence = evidence;
    this.tasks = tasks;
    this.problems = problems;
    this.complaints = complaints;
    this.clock = clock;
  }

  /** The stored state of a conversation, decoded once per message and handed to {@link #apply}. */
  Optional<ConversationState> state(ConversationRecord conversation) {
    return codec.decode(conversation.getStateJson());
  }

  /** True while the person is inside a flow (answering or paused). */
  static boolean inFlow(Optional<ConversationState> state) {
    return state.map(s -> s.status() == ConversationState.Status.ACTIVE
        || s.status() == ConversationState.Status.PAUSED).orElse(false);
  }

  /** Applies a message; {@code state} is {@link #state} of {@code conversation}, not changed since. */
  void apply(ConversationRecord conversation, Optional<ConversationState> state, Member member, InboundRecord record,
             InboundMessage message, ReplyBuffer replies) {
    boolean inFlow = inFlow(state);
    if (EvidenceSteps.handles(message)) {
      evidence.receive(record, message, open(conversation, state, inFlow), replies)
          .ifPresent(in -> step(conversation, member, state.get(), in, message, record.getId(), replies));
      return;
    }
    if (!inFlow) {
      idle(conversation, member, message, replies);
      return;
    }
    InputMapper.toInput(message)
        .ifPresent(in -> step(conversation, member, state.get(), in, message, record.getId(), replies));
  }

  private void step(ConversationRecord conversation, Member member, ConversationState state, Input input,
                    InboundMessage message, long inboundId, ReplyBuffer replies) {
    StepResult result = engine.step(catalog.get(state.flowId()), state, input);
    handle(result, conversation, member, replies, inboundId, message.channel());
    boolean cardAnswer = input instanceof Input.Choice || input instanceof Input.MultiChoice;
    if (cardAnswer && message.responseCode() != null && answered(result)) {
      replies.add(OutgoingMessage.cardUpdate(message.responseCode(), Replies.chosen(lastDisplay(result))));
    }
  }

  /** The question a photo or location would answer: only an active flow's open question. */
  private EvidenceSteps.Open open(ConversationRecord conversation, Optional<ConversationState> state, boolean inFlow) {
    if (!inFlow) {
      return EvidenceSteps.Open.none(null);
    }
    ConversationState s = state.get();
    if (s.status() != ConversationState.Status.ACTIVE || s.currentNode() == null) {
      return EvidenceSteps.Open.none(conversation.getInspectionId());
    }
    // currentNode is "node" or "node@item" inside a repeated section (see ConversationState).
    String nodeId = s.currentNode().split("@", 2)[0];
    return new EvidenceSteps.Open(conversation.getInspectionId(), s.currentNode(),
        catalog.get(s.flowId()).node(nodeId).type());
  }

  private void idle(ConversationRecord conversation, Member member, InboundMessage message, ReplyBuffer replies) {
    Optional<String> flowId = starts.requested(message);
    if (flowId.isPresent()) {
      start(flowId.get(), conversation, member, replies, message.channel());
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

  private void start(String flowId, ConversationRecord conversation, Member member, ReplyBuffer replies,
                     InboundMessage.Channel channel) {
    Flow flow = catalog.get(flowId);
    var context = starts.context(member);
    if (flowId.startsWith("village") && ((java.util.List<?>) context.get("villages")).isEmpty()) {
      replies.say(Replies.NO_VILLAGES);
      return;
    }
    long inspectionId = inspections.start(member, flow.id(), flow.revision());
    StepResult result = engine.start(flow, context);
    conversation.update(member.getId(), inspectionId, flow.id(), null, clock.instant());
    handle(result, conversation, member, replies, null, channel);
  }

  private void handle(StepResult result, ConversationRecord conversation, Member member, ReplyBuffer replies,
                      Long inboundId, InboundMessage.Channel channel) {
    long inspectionId = conversation.getInspectionId();
    Flow flow = catalog.get(result.state().flowId());
    for (FlowEvent event : result.events()) {
      if (event instanceof FlowEvent.AnswerRecorded a) {
        placement.place(inspectionId, a, result.state(), member);
        inspections.recordAnswer(inspectionId, a.key(), a.nodeId(), a.value(), a.display(), a.revision(), member);
        evidence.answered(flow.node(a.nodeId()).type(), inspectionId, a.key(), a.value(), inboundId);
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
        if (ComplaintProblems.FLOW_ID.equals(result.state().flowId())) {
          replies.add(complaints.verificationCard(inspectionId));
        }
      } else if (event instanceof FlowEvent.FindingRecorded f) {
        Finding finding = inspections.recordFinding(inspectionId, f.nodeId(), f.key(), f.value(), f.display(),
            f.meta(), f.description(), f.evidenceIds(), member);
        problems.fromFinding(finding, indicatorName(result.state().flowId(), f.nodeId()), channel);
      } else if (event instanceof FlowEvent.Exited) {
        inspections.abandon(inspectionId);
      }
    }
    conversation.update(member.getId(), inspectionId, result.state().flowId(), codec.encode(result.state()),
        clock.instant());
  }

  /** The indicator's name for a problem's standard wording: the node's indicator_name, else its label. */
  private String indicatorName(String flowId, String nodeId) {
    Node node = catalog.get(flowId).node(nodeId);
    return node.meta().getOrDefault("indicator_name", node.label());
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
