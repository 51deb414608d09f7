package cn.dudao.flows.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; names may contain letters (any script), digits and '_'. */
final class Lexer {
  private static final java.util.Set<String> TWO_CHAR = java.util.Set.of("==", "!=", "<=", ">=", "&&", "||");
  private static final String ONE_CHAR = "<>+-*/%()[],.!";
  private final String src;

  Lexer(String src) {
    this.src = src;
  }

  List<Token> tokens() {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < n && (Character.isDigit(src.charAt(i))
            || (src.charAt(i) == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1))))) {
          i++;
        }
        out.add(new Token(Token.Kind.NUMBER, src.substring(start, i), start));
      } else if (c == '\'' || c == '"') {
        int end = src.indexOf(c, i + 1);
        if (end < 0) {
          throw new ExprException("表达式 “" + src + "” 第 " + (i + 1) + " 个字符处：字符串没有结束引号");
        }
        out.add(new Token(Token.Kind.STRING, src.substring(i + 1, end), i));
        i = end + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
          i++;
        }
        out.add(new Token(Token.Kind.NAME, src.substring(start, i), start));
      } else if (i + 1 < n && TWO_CHAR.contains(src.substring(i, i + 2))) {
        out.add(new Token(Token.Kind.SYMBOL, src.substring(i, i + 2), i));
        i += 2;
      } else if (ONE_CHAR.indexOf(c) >= 0) {
        out.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), i));
        i++;
      } else {
        throw new ExprException("表达式 “" + src + "” 第 " + (i + 1) + " 个字符处：不认识的字符 “" + c + "”");
      }
    }
    out.add(new Token(Token.Kind.END, "", n));
    return out;
  }
}
