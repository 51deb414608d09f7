package cn.dudao.bot.outbox;

import java.util.List;

/**
 * A message to one person, channel-neutral. {@code text} is always a complete rendering, so a client
 * that shows no cards (and the simulator's transcript) loses nothing.
 *
 * @param type        what to send
 * @param text        the full text (prompt, numbered options, how to answer)
 * @param title       a card's main title
 * @param description a card's description under the title
 * @param subTitle    a card's longer text under the description (the whole prompt when title and
 *                    description had to be shortened); for {@link Type#MULTI_CARD} the submit key
 * @param buttons     a button card's buttons (WeCom allows at most 6)
 * @param taskId      the card's task id, unique per app
 * @param replaceText for {@link Type#CARD_UPDATE}: what the pressed card shows instead of its buttons
 * @param responseCode for {@link Type#CARD_UPDATE}: the response code of the card event (usable once, 72 h)
 */
public record OutgoingMessage(Type type, String text, String title, String description, String subTitle,
                              List<Button> buttons,
                              String taskId, String replaceText, String responseCode) {

  public OutgoingMessage {
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
  }

  /**
   * The kinds of message Dudao sends: plain text; a button card for one choice (button_interaction);
   * a multi-select card (vote_interaction, its buttons are the options, {@code submitKey} comes back with
   * the selected option ids); an update of a pressed card.
   */
  public enum Type { TEXT, BUTTON_CARD, MULTI_CARD, CARD_UPDATE }

  /** A card button: the key comes back in the card event, the text is what the person sees. */
  public record Button(String key, String text) {}

  public static OutgoingMessage text(String text) {
    return new OutgoingMessage(Type.TEXT, text, null, null, null, List.of(), null, null, null);
  }

  public static OutgoingMessage buttonCard(String text, String title, String description, String subTitle,
                                           List<Button> buttons, String taskId) {
    return new OutgoingMessage(Type.BUTTON_CARD, text, title, description, subTitle, buttons, taskId, null, null);
  }

  /** A multi-select card; {@code buttons} are the options, their keys the option ids. */
  public static OutgoingMessage multiCard(String text, String title, String description, List<Button> options,
                                          String submitKey, String taskId) {
    return new OutgoingMessage(Type.MULTI_CARD, text, title, description, submitKey, options, taskId, null, null);
  }

  public static OutgoingMessage cardUpdate(String responseCode, String replaceText) {
    return new OutgoingMessage(Type.CARD_UPDATE, replaceText, null, null, null, List.of(), null, replaceText,
        responseCode);
  }
}
