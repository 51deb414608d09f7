package cn.dudao.flows.engine;

import java.util.List;
import java.util.Map;

/**
 * What happened in one engine step. The bot turns these into stored answers, findings and outgoing
 * messages; the engine itself performs no I/O. Names are in the past tense.
 */
public sealed interface FlowEvent {

  /** An option as shown to the person: the key the engine expects back and its Chinese label. */
  record Option(String key, String label) {}

  /**
   * A question was put to the person. {@code step} increases with every question asked in a
   * conversation; card buttons carry it back in {@link Input.Choice#step()}.
   * {@code type} is the question type slug (for example {@code single_choice}, {@code text},
   * {@code confirm}); {@code options} is empty for types without options.
   * {@code text} is the complete text rendering (prompt, numbered options and how to answer), for
   * clients without cards.
   */
  record QuestionAsked(String nodeId, String type, String prompt, List<Option> options, int step,
                       String text) implements FlowEvent {}

  /**
   * An answer was accepted. {@code key} is the node's answer key, {@code value} the normalised value
   * (String, Long, java.math.BigDecimal, Boolean, List or Map), {@code display} its Chinese rendering,
   * {@code meta} the node's metadata from the YAML (indicator code, category, …),
   * {@code replaced} true when it changes an earlier answer, {@code revision} the flow content revision.
   */
  record AnswerRecorded(String nodeId, String key, Object value, String display,
                        Map<String, String> meta, boolean replaced, int revision) implements FlowEvent {}

  /** Answers that were dropped because an earlier answer they depended on changed. */
  record AnswersCleared(List<String> keys) implements FlowEvent {}

  /** The input did not fit the open question; {@code hint} says in Chinese what is expected. */
  record InputRejected(String nodeId, String hint) implements FlowEvent {}

  /** A press on a card for a question that is no longer open. */
  record StaleInputIgnored(int step) implements FlowEvent {}

  /** A plain informational message (help, progress, summary, pause and resume notes). */
  record MessageShown(String text) implements FlowEvent {}

  /** The person paused; the conversation can be resumed with 继续. */
  record Paused() implements FlowEvent {}

  /** The person resumed a paused conversation. */
  record Resumed() implements FlowEvent {}

  /** The person left the flow with 退出; nothing is confirmed. */
  record Exited() implements FlowEvent {}

  /** The flow reached its end after the confirmation; {@code answers} are final. */
  record Completed(Map<String, Object> answers) implements FlowEvent {}

  /**
   * A question was skipped with 跳过 (only where the node allows it); nothing is stored for
   * {@code key}. {@code meta} as in {@link AnswerRecorded}.
   */
  record QuestionSkipped(String nodeId, String key, Map<String, String> meta) implements FlowEvent {}

  /**
   * A not-met answer became a finding, emitted at completion (after 签字确认) for every answer whose
   * option the node lists in {@code finding_when}. {@code description} is the text of the node that
   * describes it (empty when none), {@code evidenceIds} the photos collected for it.
   */
  record FindingRecorded(String nodeId, String key, Object value, String display, Map<String, String> meta,
                         String description, List<String> evidenceIds, int revision) implements FlowEvent {}
}
