package cn.dudao.bot.reminder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Small helpers for reminder texts, which must stay within one WeCom text (2048 bytes). */
final class Texts {

  /** Room left for a reminder's text; WeCom truncates beyond 2048 bytes. */
  static final int MAX_BYTES = 1900;
  private static final int MAX_ITEMS = 15;

  private Texts() {
  }

  static String date(LocalDate day) {
    return day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
  }

  /** Items joined with 、, the first fifteen named and the rest counted. */
  static String list(List<String> items) {
    if (items.size() <= MAX_ITEMS) {
      return String.join("、", items);
    }
    return String.join("、", items.subList(0, MAX_ITEMS)) + " 等，共" + items.size() + "个";
  }

  /** Cuts a text to the byte budget at a line end, saying so. */
  static String fit(String text) {
    if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return text;
    }
    String more = "\n……（内容较多，请在管理控制台查看全部）";
    StringBuilder kept = new StringBuilder();
    for (String line : text.split("\n")) {
      String next = kept.isEmpty() ? line : kept + "\n" + line;
      if ((next + more).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
        break;
      }
      kept.setLength(0);
      kept.append(next);
    }
    return kept + more;
  }
}
