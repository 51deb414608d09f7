package cn.dudao.flows.question;

import cn.dudao.flows.definition.Limits;
import cn.dudao.flows.expr.Values;
import java.math.BigDecimal;

/** Reads numbers as people type them: full-width digits, thousands separators, a unit, 万. */
final class Numbers {
  private Numbers() {}

  /**
   * The number in {@code text}, or null. A trailing {@code unit} (or 元) is dropped; with
   * {@code tenThousands} a trailing 万 multiplies by 10 000 (1.2万 → 12000).
   */
  static BigDecimal parse(String text, String unit, boolean tenThousands) {
    String s = Texts.fold(text);
    if (unit != null && !unit.isEmpty() && s.endsWith(unit)) {
      s = s.substring(0, s.length() - unit.length()).strip();
    }
    if (s.endsWith("元")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    boolean wan = tenThousands && s.endsWith("万");
    if (wan) {
      s = s.substring(0, s.length() - 1).strip();
    }
    StringBuilder digits = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || c == '.' || (c == '-' && i == 0)) {
        digits.append(c);
      } else if (c != ',' && c != '，') {
        return null;
      }
    }
    if (digits.length() == 0 || digits.toString().equals("-") || digits.indexOf(".") != digits.lastIndexOf(".")) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(digits.toString());
      return wan ? d.movePointRight(4) : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A Chinese range description such as "范围 1-20" or "不小于 0", or empty. */
  static String range(Limits l) {
    if (l.min() != null && l.max() != null) {
      return "范围 " + Values.plain(l.min()) + "-" + Values.plain(l.max());
    }
    if (l.min() != null) {
      return "不小于 " + Values.plain(l.min());
    }
    if (l.max() != null) {
      return "不大于 " + Values.plain(l.max());
    }
    return "";
  }

  static boolean inRange(BigDecimal d, Limits l) {
    return (l.min() == null || d.compareTo(l.min()) >= 0) && (l.max() == null || d.compareTo(l.max()) <= 0);
  }

  static String withUnit(Object value, String unit) {
    return Values.plain(value) + (unit == null ? "" : " " + unit);
  }
}
