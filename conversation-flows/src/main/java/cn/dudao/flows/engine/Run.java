package cn.dudao.flows.engine;

import cn.dudao.flows.definition.Flow;
import cn.dudao.flows.definition.Node;
import cn.dudao.flows.definition.Slot;
import cn.dudao.flows.expr.Scope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable working copy of one engine step: state fields, answers, data and the events emitted
 * so far. Lives only inside one call; the result is frozen into a new {@link ConversationState}.
 */
final class Run {
  static final String SKIPPED = "_skipped";
  static final String PENDING = "_pending";

  final Flow flow;
  final Map<String, Object> answers;
  /** Read-only view until the first write; most steps never write, so they never copy it. */
  private Map<String, Object> data;
  private boolean dataCopied;
  final List<FlowEvent> events = new ArrayList<>(4);
  ConversationState.Status status;
  int step;
  Position current;
  /** Set when an answer changed, so the walk clears answers left off the path. */
  boolean dirty;
  final List<String> cleared = new ArrayList<>(0);

  Run(Flow flow, ConversationState s) {
    this.flow = flow;
    this.answers = new LinkedHashMap<>(s.answers());
    this.data = s.data();
    this.status = s.status();
    this.step = s.step();
    this.current = Position.parse(s.currentNode());
  }

  void emit(FlowEvent e) {
    events.add(e);
  }

  StepResult result() {
    ConversationState s = new ConversationState(flow.id(), flow.revision(), status, step,
        current == null ? null : current.format(), Collections.unmodifiableMap(answers),
        dataCopied ? Collections.unmodifiableMap(data) : data);
    return new StepResult(s, events);
  }

  Object data(String key) {
    return data.get(key);
  }

  void putData(String key, Object value) {
    writableData().put(key, value);
  }

  void removeData(String key) {
    if (data.containsKey(key)) {
      writableData().remove(key);
    }
  }

  private Map<String, Object> writableData() {
    if (!dataCopied) {
      data = new HashMap<>(data);
      dataCopied = true;
    }
    return data;
  }

  /** The items of a repeated section, as maps with at least {@code key} and {@code label}. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> items(Node repeat) {
    Object v = data(repeat.repeat().forEach());
    if (!(v instanceof List<?> list)) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>(list.size());
    for (Object o : list) {
      out.add(o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("key", String.valueOf(o), "label", String.valueOf(o)));
    }
    return out;
  }

  Map<String, Object> item(Node repeat, int index) {
    List<Map<String, Object>> items = items(repeat);
    return index >= 0 && index < items.size() ? items.get(index) : Map.of();
  }

  String itemKey(Node repeat, int index) {
    Object k = item(repeat, index).get("key");
    return k == null ? String.valueOf(index + 1) : String.valueOf(k);
  }

  /** The answer key of the node at {@code p}: prefixed by repeat and item inside a repeat. */
  String key(Position p) {
    Slot slot = flow.slot(p.node());
    if (slot.parent() == null) {
      return slot.node().key();
    }
    return slot.parent().key() + "." + itemKey(slot.parent(), p.item()) + "." + slot.node().key();
  }

  /** Names in expressions at {@code p}: the repeat item, item answers, answers, then context. */
  Scope scope(Position p) {
    Slot slot = flow.slot(p.node());
    if (slot.parent() == null) {
      return this::lookupTop;
    }
    Node parent = slot.parent();
    String prefix = parent.key() + "." + itemKey(parent, p.item()) + ".";
    return name -> {
      if (name.equals(parent.repeat().as())) {
        return item(parent, p.item());
      }
      Object v = answers.get(prefix + name);
      return v != null ? v : lookupTop(name);
    };
  }

  private Object lookupTop(String name) {
    Object v = answers.get(name);
    return v != null ? v : data(name);
  }

  @SuppressWarnings("unchecked")
  List<String> list(String dataKey) {
    Object v = data(dataKey);
    return v instanceof List<?> l ? (List<String>) l : List.of();
  }

  void addTo(String dataKey, String value) {
    List<String> l = new ArrayList<>(list(dataKey));
    if (!l.contains(value)) {
      l.add(value);
      putData(dataKey, Collections.unmodifiableList(l));
    }
  }

  boolean removeFrom(String dataKey, String value) {
    if (!list(dataKey).contains(value)) {
      return false;
    }
    List<String> l = new ArrayList<>(list(dataKey));
    boolean removed = l.remove(value);
    if (removed) {
      if (l.isEmpty()) {
        removeData(dataKey);
      } else {
        putData(dataKey, Collections.unmodifiableList(l));
      }
    }
    return removed;
  }

  /** The node's meta, plus the repeat and item it belongs to inside a repeated section. */
  Map<String, String> meta(Position p) {
    Slot slot = flow.slot(p.node());
    if (slot.parent() == null) {
      return slot.node().meta();
    }
    Map<String, String> m = new LinkedHashMap<>(slot.node().meta());
    m.put("repeat", slot.parent().key());
    m.put("item_key", itemKey(slot.parent(), p.item()));
    Object label = item(slot.parent(), p.item()).get("label");
    m.put("item_label", label == null ? "" : String.valueOf(label));
    return Collections.unmodifiableMap(m);
  }
}
