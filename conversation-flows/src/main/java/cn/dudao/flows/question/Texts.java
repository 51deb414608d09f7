package cn.dudao.flows.question;

/** Input normalisation shared by the parsers: trims and folds full-width ASCII to half width. */
public final class Texts {
  private Texts() {}

  /** Trimmed, with full-width letters, digits and punctuation (and the ideographic space) folded. */
  public static String fold(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char f = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
      if (f != c && sb == null) {
        sb = new StringBuilder(s.length());
        sb.append(s, 0, i);
      }
      if (sb != null) {
        sb.append(f);
      }
    }
    return (sb == null ? s : sb.toString()).strip();
  }

  /** The length in characters as a person counts them (code points). */
  public static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
