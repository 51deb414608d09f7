package cn.dudao.bot.wecom.callback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Node;

/**
 * Reads the option ids a template_card_event reports, defensively: the documented shape is
 * {@code SelectedItems/SelectedItem/OptionIds/OptionId} (事件格式, developer.work.weixin.qq.com/document/path/90240),
 * but copies of the docs and SDKs differ (no SelectedItems or OptionIds wrapper, serializer item names
 * such as {@code <string>} inside OptionIds, snake_case, a comma-separated OptionIds text). Element names
 * are compared case-insensitively without underscores; ids keep document order.
 */
final class CardSelections {

  private CardSelections() {
  }

  static List<String> optionIds(Node root) {
    List<String> ids = new ArrayList<>(4);
    walk(root, ids);
    return ids;
  }

  static boolean hasElementChildren(Node node) {
    for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.ELEMENT_NODE) {
        return true;
      }
    }
    return false;
  }

  private static void walk(Node parent, List<String> ids) {
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() != Node.ELEMENT_NODE) {
        continue;
      }
      String name = normalize(c.getNodeName());
      if (name.equals("optionids")) {
        if (hasElementChildren(c)) {
          leaves(c, ids);
        } else {
          split(c.getTextContent(), ids);
        }
      } else if (name.equals("optionid")) {
        add(c.getTextContent(), ids);
      } else {
        walk(c, ids);
      }
    }
  }

  /** Every leaf element under an OptionIds wrapper is one id, whatever the item element is called. */
  private static void leaves(Node parent, List<String> ids) {
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.ELEMENT_NODE) {
        if (hasElementChildren(c)) {
          leaves(c, ids);
        } else {
          add(c.getTextContent(), ids);
        }
      }
    }
  }

  private static void split(String text, List<String> ids) {
    for (String part : text.split("[,\\s]+")) {
      add(part, ids);
    }
  }

  private static void add(String id, List<String> ids) {
    String trimmed = id.strip();
    if (!trimmed.isEmpty()) {
      ids.add(trimmed);
    }
  }

  private static String normalize(String elementName) {
    return elementName.replace("_", "").toLowerCase(Locale.ROOT);
  }
}
