package cn.dudao.flows.expr;

import java.util.Set;

/** A compiled expression. Evaluation never throws for missing values: they evaluate to {@code null}. */
public interface Expr {

  /** Evaluates against {@code scope}; the result is BigDecimal, String, Boolean, List, Map or null. */
  Object eval(Scope scope);

  /** Adds the first segment of every name this expression refers to. */
  void collectNames(Set<String> into);

  /** Parses {@code source}. @throws ExprException with a Chinese message when it is not valid */
  static Expr parse(String source) {
    return new ExprParser(source).parseAll();
  }

  /** True when the value counts as true in a condition: only {@code Boolean.TRUE}. */
  static boolean truthy(Object value) {
    return Boolean.TRUE.equals(value);
  }
}
