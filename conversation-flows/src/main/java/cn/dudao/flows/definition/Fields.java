package cn.dudao.flows.definition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads from a YAML map, reporting a path-qualified problem for each wrong type. */
final class Fields {
  private final Map<?, ?> map;
  private final String path;
  private final Problems problems;

  Fields(Map<?, ?> map, String path, Problems problems) {
    this.map = map;
    this.path = path;
    this.problems = problems;
  }

  String path(String field) {
    return path + "." + field;
  }

  boolean has(String field) {
    return map.get(field) != null;
  }

  String string(String field) {
    Object v = map.get(field);
    if (v == null) {
      return null;
    }
    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    problems.add(path(field), "应为文字");
    return null;
  }

  Integer integer(String field) {
    Object v = map.get(field);
    if (v == null) {
      return null;
    }
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).intValue();
    }
    problems.add(path(field), "应为整数");
    return null;
  }

  BigDecimal decimal(String field) {
    Object v = map.get(field);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    problems.add(path(field), "应为数字");
    return null;
  }

  boolean bool(String field) {
    Object v = map.get(field);
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    problems.add(path(field), "应为 true 或 false");
    return false;
  }

  List<Object> list(String field) {
    Object v = map.get(field);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    problems.add(path(field), "应为列表");
    return List.of();
  }

  List<String> strings(String field) {
    List<String> out = new ArrayList<>();
    List<Object> raw = list(field);
    for (int i = 0; i < raw.size(); i++) {
      Object o = raw.get(i);
      if (o instanceof String || o instanceof Number) {
        out.add(o.toString());
      } else {
        problems.add(path(field) + "[" + i + "]", "应为文字");
      }
    }
    return out;
  }

  Map<String, String> stringMap(String field) {
    Object v = map.get(field);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof Map<?, ?> m)) {
      problems.add(path(field), "应为键值表");
      return out;
    }
    m.forEach((k, val) -> {
      if (val instanceof Map || val instanceof List || val == null) {
        problems.add(path(field) + "." + k, "应为文字");
      } else {
        out.put(String.valueOf(k), String.valueOf(val));
      }
    });
    return out;
  }
}
