package cn.dudao.bot.plan;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Masks resident ID numbers (居民身份证号). Dudao keeps the first four digits (province and city) and
 * the last four, as the monitoring lists print them: {@code 1424**********1234}. A full number is
 * masked the moment it is read and never stored, logged or echoed back.
 */
public final class IdNumbers {

  private static final Pattern FULL_18 = Pattern.compile("\\d{17}[\\dXx]");
  private static final Pattern FULL_15 = Pattern.compile("\\d{15}");
  private static final Pattern MASKED_18 = Pattern.compile("\\d{4}\\*{10}\\d{3}[\\dX]");
  private static final Pattern MASKED_15 = Pattern.compile("\\d{4}\\*{7}\\d{4}");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  /** Why a value is not a usable ID number. */
  public enum Problem { FORMAT, CHECKSUM }

  /** A value read from a list: its masked form, or the problem with it. */
  public record Read(Optional<String> masked, Optional<Problem> problem) {}

  private IdNumbers() {
  }

  /**
   * Reads a full (15 or 18 digits) or already masked number. A full 18-digit number must carry a
   * valid check digit; the result holds only the masked form.
   */
  public static Read read(String raw) {
    String s = raw == null ? "" : raw.strip().replace('x', 'X');
    if (MASKED_18.matcher(s).matches() || MASKED_15.matcher(s).matches()) {
      return new Read(Optional.of(s), Optional.empty());
    }
    if (FULL_18.matcher(s).matches()) {
      if (checkDigit(s) != s.charAt(17)) {
        return new Read(Optional.empty(), Optional.of(Problem.CHECKSUM));
      }
      return new Read(Optional.of(mask(s)), Optional.empty());
    }
    if (FULL_15.matcher(s).matches()) {
      return new Read(Optional.of(mask(s)), Optional.empty());
    }
    return new Read(Optional.empty(), Optional.of(Problem.FORMAT));
  }

  /** True when {@code s} is in masked form. */
  public static boolean isMasked(String s) {
    return s != null && (MASKED_18.matcher(s).matches() || MASKED_15.matcher(s).matches());
  }

  static String requireMasked(String s) {
    if (!isMasked(s)) {
      throw new IllegalArgumentException("ID numbers are stored masked only");
    }
    return s;
  }

  /** A safe rendering of whatever was typed, for error messages: never more than the masked digits. */
  public static String redact(String raw) {
    String s = raw == null ? "" : raw.strip();
    if (s.length() <= 8) {
      return "*".repeat(s.length());
    }
    return s.substring(0, 4) + "*".repeat(s.length() - 8) + s.substring(s.length() - 4);
  }

  private static String mask(String full) {
    return full.substring(0, 4) + "*".repeat(full.length() - 8) + full.substring(full.length() - 4);
  }

  private static char checkDigit(String s) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (s.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }
}
