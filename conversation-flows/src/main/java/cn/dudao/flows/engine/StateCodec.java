package cn.dudao.flows.engine;

import cn.dudao.flows.expr.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON-friendly form of {@link ConversationState}. Numbers are kept canonical (Long when
 * integral, otherwise BigDecimal) on both sides, so whatever a JSON library hands back (Integer,
 * Double, BigDecimal) decodes to an equal state.
 */
final class StateCodec {
  private StateCodec() {}

  static Map<String, Object> toMap(ConversationState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("flowId", s.flowId());
    m.put("revision", s.revision());
    m.put("status", s.status().name());
    m.put("step", s.step());
    if (s.currentNode() != null) {
      m.put("currentNode", s.currentNode());
    }
    m.put("answers", deep(s.answers()));
    m.put("data", deep(s.data()));
    return m;
  }

  @SuppressWarnings("unchecked")
  static ConversationState fromMap(Map<String, Object> m) {
    Object answers = m.get("answers");
    Object data = m.get("data");
    return new ConversationState(String.valueOf(m.get("flowId")), number(m.get("revision")),
        ConversationState.Status.valueOf(String.valueOf(m.get("status"))), number(m.get("step")),
        (String) m.get("currentNode"),
        answers == null ? Map.of() : (Map<String, Object>) deep(answers),
        data == null ? Map.of() : (Map<String, Object>) deep(data));
  }

  private static int number(Object o) {
    if (o instanceof Number n) {
      return n.intValue();
    }
    return Integer.parseInt(String.valueOf(o).strip());
  }

  /** A canonical, unmodifiable deep copy made of String, Long, BigDecimal, Boolean, List and Map. */
  static Object deep(Object o) {
    if (o instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), deep(v)));
      return Collections.unmodifiableMap(out);
    }
    if (o instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(deep(v)));
      return Collections.unmodifiableList(out);
    }
    if (o instanceof Number n) {
      return Values.canonical(n);
    }
    return o;
  }
}
