package cn.dudao.flows.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imitates what a JSON round trip does to a map: small integers come back as Integer, decimals as
 * Double, maps and lists as plain mutable collections in another order.
 */
public final class JsonLike {
  private JsonLike() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> roundTrip(Map<String, Object> map) {
    return (Map<String, Object>) convert(map);
  }

  private static Object convert(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new HashMap<>();
      m.forEach((k, v) -> out.put((String) k, convert(v)));
      return out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(convert(v)));
      return out;
    }
    if (o instanceof Long n && n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    if (o instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (o == null || o instanceof String || o instanceof Boolean || o instanceof Number) {
      return o;
    }
    throw new AssertionError("not JSON-friendly: " + o.getClass() + " " + o);
  }
}
