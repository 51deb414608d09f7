package cn.dudao.flows.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The expression tree: one small record per construct. */
final class Ast {
  private Ast() {}

  record Literal(Object value) implements Expr {
    public Object eval(Scope scope) { return value; }
    public void collectNames(Set<String> into) {}
  }

  /** A dotted name: the first segment comes from the scope, the rest walks into maps. */
  record Ref(String head, String[] tail) implements Expr {
    public Object eval(Scope scope) {
      Object v = scope.lookup(head);
      for (String part : tail) {
        if (!(v instanceof Map<?, ?> m)) {
          return null;
        }
        v = m.get(part);
      }
      return v;
    }
    public void collectNames(Set<String> into) { into.add(head); }
  }

  record ListOf(List<Expr> items) implements Expr {
    public Object eval(Scope scope) {
      List<Object> out = new ArrayList<>(items.size());
      for (Expr e : items) {
        out.add(e.eval(scope));
      }
      return out;
    }
    public void collectNames(Set<String> into) { items.forEach(e -> e.collectNames(into)); }
  }

  record Not(Expr operand) implements Expr {
    public Object eval(Scope scope) { return !Expr.truthy(operand.eval(scope)); }
    public void collectNames(Set<String> into) { operand.collectNames(into); }
  }

  record Negate(Expr operand) implements Expr {
    public Object eval(Scope scope) {
      BigDecimal d = Values.number(operand.eval(scope));
      return d == null ? null : d.negate();
    }
    public void collectNames(Set<String> into) { operand.collectNames(into); }
  }

  record Logic(boolean and, Expr left, Expr right) implements Expr {
    public Object eval(Scope scope) {
      boolean l = Expr.truthy(left.eval(scope));
      if (and != l) {
        return l;
      }
      return Expr.truthy(right.eval(scope));
    }
    public void collectNames(Set<String> into) { left.collectNames(into); right.collectNames(into); }
  }

  record Compare(String op, Expr left, Expr right) implements Expr {
    public Object eval(Scope scope) {
      Object a = left.eval(scope);
      Object b = right.eval(scope);
      switch (op) {
        case "==": return Values.same(a, b);
        case "!=": return !Values.same(a, b);
        case "in": return Values.contains(b, a);
        default:
          Integer c = Values.compare(a, b);
          if (c == null) {
            return false;
          }
          switch (op) {
            case "<": return c < 0;
            case "<=": return c <= 0;
            case ">": return c > 0;
            default: return c >= 0;
          }
      }
    }
    public void collectNames(Set<String> into) { left.collectNames(into); right.collectNames(into); }
  }

  record Arith(char op, Expr left, Expr right) implements Expr {
    public Object eval(Scope scope) { return Values.arithmetic(op, left.eval(scope), right.eval(scope)); }
    public void collectNames(Set<String> into) { left.collectNames(into); right.collectNames(into); }
  }

  /** The few built-in functions: round, min, max, abs, len, answered. */
  record Call(String name, List<Expr> args) implements Expr {
    static final Map<String, Integer> ARITY =
        Map.of("round", 2, "min", 2, "max", 2, "abs", 1, "len", 1, "answered", 1);

    public Object eval(Scope scope) {
      Object a = args.get(0).eval(scope);
      switch (name) {
        case "len":
          return a instanceof Collection<?> c ? BigDecimal.valueOf(c.size())
              : a instanceof String s ? BigDecimal.valueOf(s.codePointCount(0, s.length())) : BigDecimal.ZERO;
        case "answered":
          return a != null && !(a instanceof Collection<?> c && c.isEmpty());
        case "abs": {
          BigDecimal d = Values.number(a);
          return d == null ? null : d.abs();
        }
        default: {
          BigDecimal x = Values.number(a);
          BigDecimal y = Values.number(args.get(1).eval(scope));
          if (x == null || y == null) {
            return null;
          }
          switch (name) {
            case "round": return x.setScale(y.intValue(), RoundingMode.HALF_UP);
            case "min": return x.min(y);
            default: return x.max(y);
          }
        }
      }
    }
    public void collectNames(Set<String> into) { args.forEach(e -> e.collectNames(into)); }
  }
}
