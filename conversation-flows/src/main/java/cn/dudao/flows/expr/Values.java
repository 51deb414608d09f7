package cn.dudao.flows.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Collection;
import java.util.Objects;

/** Value semantics shared by expressions and the engine: numbers, equality, ordering. */
public final class Values {
  private Values() {}

  /** The number as BigDecimal, or null when {@code v} is not a number. */
  public static BigDecimal number(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    return null;
  }

  /**
   * The canonical stored form of a number: Long when integral, otherwise a BigDecimal without
   * trailing zeros. Applying it on both sides of a JSON round trip makes the trip exact.
   */
  public static Object canonical(Number n) {
    BigDecimal d = number(n);
    if (d == null) {
      return null;
    }
    if (d.signum() == 0) {
      return 0L;
    }
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() <= 0) {
      try {
        return s.longValueExact();
      } catch (ArithmeticException tooBig) {
        return s.setScale(0);
      }
    }
    return s;
  }

  /** Equality across number representations; other values by {@link Objects#equals}. */
  public static boolean same(Object a, Object b) {
    BigDecimal x = number(a);
    BigDecimal y = number(b);
    if (x != null && y != null) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(a, b);
  }

  /** Orders two numbers or two strings; null when they cannot be ordered. */
  static Integer compare(Object a, Object b) {
    BigDecimal x = number(a);
    BigDecimal y = number(b);
    if (x != null && y != null) {
      return x.compareTo(y);
    }
    if (a instanceof String s && b instanceof String t) {
      return s.compareTo(t);
    }
    return null;
  }

  static boolean contains(Object container, Object item) {
    if (container instanceof Collection<?> c) {
      for (Object o : c) {
        if (same(o, item)) {
          return true;
        }
      }
      return false;
    }
    if (container instanceof String s && item != null) {
      return s.contains(item instanceof String t ? t : plain(item));
    }
    return false;
  }

  static Object arithmetic(char op, Object a, Object b) {
    if (op == '+' && (a instanceof String || b instanceof String) && a != null && b != null) {
      return plain(a) + plain(b);
    }
    BigDecimal x = number(a);
    BigDecimal y = number(b);
    if (x == null || y == null) {
      return null;
    }
    switch (op) {
      case '+': return x.add(y);
      case '-': return x.subtract(y);
      case '*': return x.multiply(y);
      case '/': return y.signum() == 0 ? null : x.divide(y, MathContext.DECIMAL64);
      case '%': return y.signum() == 0 ? null : x.remainder(y);
      default: throw new IllegalArgumentException(String.valueOf(op));
    }
  }

  /** A plain rendering: numbers without exponent or trailing zeros. */
  public static String plain(Object v) {
    if (v == null) {
      return "";
    }
    BigDecimal d = number(v);
    if (d != null) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }
}
