package cn.dudao.bot.conversation;

import cn.dudao.flows.engine.Input;
import java.util.List;
import java.util.Optional;

/**
 * The keys Dudao puts on card buttons and reads back from card events: {@code a:<step>:<option>} for
 * one choice, {@code m:<step>} with the selected option ids for several. The step ties a press to
 * the question it was sent for, so a press on an old card is recognised.
 */
final class CardKeys {

  private CardKeys() {
  }

  static String choice(int step, String optionKey) {
    return "a:" + step + ":" + optionKey;
  }

  static String multi(int step) {
    return "m:" + step;
  }

  static Optional<Input> parse(String eventKey, List<String> selected) {
    if (eventKey == null) {
      return Optional.empty();
    }
    String[] parts = eventKey.split(":", 3);
    try {
      if (parts.length == 3 && parts[0].equals("a")) {
        return Optional.of(new Input.Choice(Integer.parseInt(parts[1]), parts[2]));
      }
      if (parts.length >= 2 && parts[0].equals("m")) {
        return Optional.of(new Input.MultiChoice(Integer.parseInt(parts[1]), selected));
      }
    } catch (NumberFormatException malformed) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
