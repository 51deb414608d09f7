package cn.dudao.bot.conversation;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.outbox.OutgoingMessage;
import cn.dudao.flows.engine.FlowEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Collects what one step says and folds it into as few messages as possible (WeCom counts every
 * message against the per-member limit): consecutive texts become one, a question with up to six
 * options becomes a button card where the channel shows cards, anything else stays text.
 */
final class ReplyBuffer {

  /** WeCom's button_interaction card holds at most six buttons, a vote card at most twenty options. */
  static final int MAX_BUTTONS = 6;
  static final int MAX_CHECKBOX_OPTIONS = 20;
  private static final java.util.Set<String> ONE_CHOICE_TYPES = java.util.Set.of("single_choice", "yes_no", "confirm");
  private static final java.util.Set<String> MULTI_TYPES = java.util.Set.of("multi_choice", "multiple_choice");
  private static final int TITLE_MAX = 36;
  /** A little under WeCom's 2048-byte text limit. */
  static final int MAX_TEXT_BYTES = 2000;
  /** WeCom's suggested lengths: title 36, description 44, sub-title 112 characters. */
  private static final int DESC_MAX = 44;
  private static final int SUBTITLE_MAX = 112;

  private final List<OutgoingMessage> messages = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  void say(String line) {
    if (line == null || line.isBlank()) {
      return;
    }
    if (!text.isEmpty()) {
      text.append("\n\n");
    }
    text.append(line);
  }

  void ask(FlowEvent.QuestionAsked question) {
    int n = question.options().size();
    boolean multi = MULTI_TYPES.contains(question.type());
    boolean card = multi ? n >= 2 && n <= MAX_CHECKBOX_OPTIONS
        : ONE_CHOICE_TYPES.contains(question.type()) && n >= 2 && n <= MAX_BUTTONS;
    if (!card) {
      say(question.text());
      return;
    }
    flushText();
    String taskId = "dd" + UUID.randomUUID().toString().replace("-", "");
    if (multi) {
      List<OutgoingMessage.Button> options = question.options().stream()
          .map(o -> new OutgoingMessage.Button(o.key(), o.label())).toList();
      messages.add(OutgoingMessage.multiCard(question.text(), shorten(question.prompt().strip(), TITLE_MAX), null,
          options, CardKeys.multi(question.step()), taskId));
      return;
    }
    List<OutgoingMessage.Button> buttons = question.options().stream()
        .map(o -> new OutgoingMessage.Button(CardKeys.choice(question.step(), o.key()), o.label()))
        .toList();
    String[] lines = question.prompt().strip().split("\n", 2);
    String title = shorten(lines[0], TITLE_MAX);
    String rest = lines.length > 1 ? lines[1].strip() : "";
    String description = rest.isEmpty() ? null : shorten(rest, DESC_MAX);
    String subTitle = lines[0].length() > TITLE_MAX || rest.length() > DESC_MAX
        ? shorten(question.prompt().strip(), SUBTITLE_MAX) : null;
    messages.add(OutgoingMessage.buttonCard(question.text(), title, description, subTitle, buttons, taskId));
  }

  void add(OutgoingMessage message) {
    flushText();
    messages.add(message);
  }

  /** The messages in order; text-only channels get each card as its text rendering. */
  List<OutgoingMessage> drain(InboundMessage.Channel channel) {
    flushText();
    return List.copyOf(messages);
  }

  private void flushText() {
    if (!text.isEmpty()) {
      splitForWeCom(text.toString()).forEach(part -> messages.add(OutgoingMessage.text(part)));
      text.setLength(0);
    }
  }

  /**
   * WeCom text messages hold at most 2048 bytes (https://developer.work.weixin.qq.com/document/path/90236):
   * longer texts are cut at line ends (at characters when one line alone is too long).
   */
  static List<String> splitForWeCom(String all) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (String line : all.split("\n", -1)) {
      String candidate = part.isEmpty() ? line : part + "\n" + line;
      if (bytes(candidate) <= MAX_TEXT_BYTES) {
        part.setLength(0);
        part.append(candidate);
        continue;
      }
      if (!part.isEmpty()) {
        parts.add(part.toString());
        part.setLength(0);
      }
      String rest = line;
      while (bytes(rest) > MAX_TEXT_BYTES) {
        int cut = rest.length();
        while (bytes(rest.substring(0, cut)) > MAX_TEXT_BYTES) {
          cut -= Math.max(1, (cut - MAX_TEXT_BYTES / 3) / 2);
        }
        if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
          cut--;
        }
        parts.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      part.append(rest);
    }
    if (!part.isEmpty()) {
      parts.add(part.toString());
    }
    return parts;
  }

  private static int bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
