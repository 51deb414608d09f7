package cn.dudao.flows.definition;

import cn.dudao.flows.expr.Expr;
import cn.dudao.flows.expr.Scope;
import cn.dudao.flows.expr.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A prompt with {@code {name}} or {@code {name.field}} placeholders, split once at load so rendering
 * only concatenates.
 */
public final class Template {
  private final String source;
  private final List<Object> parts;

  private Template(String source, List<Object> parts) {
    this.source = source;
    this.parts = parts;
  }

  /** @throws cn.dudao.flows.expr.ExprException when a placeholder is not a valid name */
  public static Template parse(String source) {
    List<Object> parts = new ArrayList<>();
    int i = 0;
    while (i < source.length()) {
      int open = source.indexOf('{', i);
      int close = open < 0 ? -1 : source.indexOf('}', open);
      if (open < 0 || close < 0) {
        parts.add(source.substring(i));
        break;
      }
      if (open > i) {
        parts.add(source.substring(i, open));
      }
      parts.add(Expr.parse(source.substring(open + 1, close)));
      i = close + 1;
    }
    return new Template(source, List.copyOf(parts));
  }

  public String source() {
    return source;
  }

  public boolean isConstant() {
    return parts.size() <= 1 && (parts.isEmpty() || parts.get(0) instanceof String);
  }

  public void collectNames(Set<String> into) {
    for (Object p : parts) {
      if (p instanceof Expr e) {
        e.collectNames(into);
      }
    }
  }

  public String render(Scope scope) {
    if (isConstant()) {
      return source;
    }
    StringBuilder sb = new StringBuilder(source.length() + 16);
    for (Object p : parts) {
      if (p instanceof Expr e) {
        Object v = e.eval(scope);
        sb.append(v instanceof java.util.Map<?, ?> m && m.get("label") != null ? m.get("label") : Values.plain(v));
      } else {
        sb.append((String) p);
      }
    }
    return sb.toString();
  }
}
