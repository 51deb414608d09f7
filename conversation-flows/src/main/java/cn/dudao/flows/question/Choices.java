package cn.dudao.flows.question;

import cn.dudao.flows.definition.OptionDef;
import cn.dudao.flows.engine.FlowEvent.Option;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Matches typed text to an option: its number (1, 2, …), its key or its label. */
public final class Choices {
  private Choices() {}

  /** A lookup from folded number, key and label to option key; built once per node at load. */
  public static Map<String, String> lookup(List<OptionDef> options) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < options.size(); i++) {
      OptionDef o = options.get(i);
      map.putIfAbsent(o.label(), o.key());
      map.putIfAbsent(o.key().toLowerCase(Locale.ROOT), o.key());
    }
    for (int i = 0; i < options.size(); i++) {
      map.put(Integer.toString(i + 1), options.get(i).key());
    }
    return Map.copyOf(map);
  }

  /** The key matching {@code folded} (already folded), or null. */
  public static String match(String folded, Map<String, String> lookup, List<Option> options) {
    if (lookup != null) {
      String key = lookup.get(folded);
      return key != null ? key : lookup.get(folded.toLowerCase(Locale.ROOT));
    }
    int n = parseSmall(folded);
    if (n >= 1 && n <= options.size()) {
      return options.get(n - 1).key();
    }
    for (Option o : options) {
      if (o.label().equals(folded) || o.key().equalsIgnoreCase(folded)) {
        return o.key();
      }
    }
    return null;
  }

  /** Whether {@code key} is one of {@code options}. */
  public static boolean has(List<Option> options, String key) {
    for (Option o : options) {
      if (o.key().equals(key)) {
        return true;
      }
    }
    return false;
  }

  public static String label(List<Option> options, String key) {
    for (Option o : options) {
      if (o.key().equals(key)) {
        return o.label();
      }
    }
    return key;
  }

  private static int parseSmall(String s) {
    if (s.isEmpty() || s.length() > 3) {
      return -1;
    }
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
