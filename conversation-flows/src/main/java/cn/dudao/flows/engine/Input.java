package cn.dudao.flows.engine;

/**
 * What a person sent, already parsed from its channel (WeCom or the simulator).
 * The engine never sees channel formats: the bot maps XML callbacks and simulator posts to these.
 */
public sealed interface Input {

  /** Free text, including commands such as 帮助, 上一题, 暂停. */
  record Text(String text) implements Input {}

  /**
   * A press on an interactive card option. {@code step} is the step number of the question the card
   * was sent for (carried in the button key), so a press on an old card can be recognised and ignored.
   */
  record Choice(int step, String optionKey) implements Input {}

  /** Several options pressed at once on a multiple-choice card. */
  record MultiChoice(int step, java.util.List<String> optionKeys) implements Input {}

  /** A photo already stored by the bot; {@code evidenceId} refers to its stored copy. */
  record Photo(String evidenceId) implements Input {}

  /** A location sent from the client. */
  record Location(double latitude, double longitude, String label) implements Input {}

  /** Anything else (voice, video, file): always rejected with a hint by the question that is open. */
  record Unsupported(String kind) implements Input {}
}
