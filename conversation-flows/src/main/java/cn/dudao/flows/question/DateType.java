package cn.dudao.flows.question;

import cn.dudao.flows.engine.Input;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * {@code date}: a full date as 2021-10-26, 2021/10/26, 2021.10.26, 20211026 or 2021年10月26日;
 * stored as ISO text. Without a clock the engine cannot read “今天”, so the year is required.
 */
final class DateType implements QuestionType {

  @Override
  public String name() {
    return "date";
  }

  @Override
  public Reply parse(Asked asked, Input input) {
    LocalDate date = input instanceof Input.Text t ? read(Texts.fold(t.text())) : null;
    if (date == null) {
      return new Reply.Rejected("没有看懂这个日期。" + howTo(asked));
    }
    return new Reply.Accepted(date.toString(), display(asked, date.toString()));
  }

  static LocalDate read(String s) {
    int[] parts = new int[3];
    int count = 0;
    int value = -1;
    int digits = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : '\0';
      if (c >= '0' && c <= '9') {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        digits++;
        if (digits > 8) {
          return null;
        }
      } else if (c == '\0' || "-/.年月日 ".indexOf(c) >= 0) {
        if (value >= 0) {
          if (count == 3) {
            return null;
          }
          parts[count++] = value;
          if (count == 1 && digits == 8 && c == '\0') {
            return date(value / 10000, value / 100 % 100, value % 100);
          }
          value = -1;
          digits = 0;
        }
      } else {
        return null;
      }
    }
    return count == 3 && parts[0] >= 1000 ? date(parts[0], parts[1], parts[2]) : null;
  }

  private static LocalDate date(int y, int m, int d) {
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      return null;
    }
  }

  @Override
  public String howTo(Asked asked) {
    return "请回复日期，如 2021-10-26 或 2021年10月26日。";
  }

  @Override
  public String display(Asked asked, Object value) {
    LocalDate d = LocalDate.parse(String.valueOf(value));
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }
}
