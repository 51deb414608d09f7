package cn.dudao.flows.definition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated flow definition, precompiled for the engine: node lookup, document order, which
 * nodes describe which answer and which nodes depend on which names. Immutable and thread-safe.
 */
public final class Flow {
  private final String id;
  private final String title;
  private final int formatVersion;
  private final int revision;
  private final String greeting;
  private final String farewell;
  private final List<String> contextNames;
  private final List<Node> nodes;
  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private final Map<String, List<Node>> describedBy = new HashMap<>();
  private final Map<String, Set<String>> dependents = new HashMap<>();
  private final Set<String> routeTargets = new java.util.HashSet<>();

  Flow(String id, String title, int formatVersion, int revision, String greeting, String farewell,
       List<String> contextNames, List<Node> nodes) {
    this.id = id;
    this.title = title;
    this.formatVersion = formatVersion;
    this.revision = revision;
    this.greeting = greeting;
    this.farewell = farewell;
    this.contextNames = List.copyOf(contextNames);
    this.nodes = List.copyOf(nodes);
    index(this.nodes, null, -1);
    for (Slot s : slots.values()) {
      if (s.node().describes() != null) {
        describedBy.computeIfAbsent(s.node().describes(), k -> new ArrayList<>()).add(s.node());
      }
    }
    for (Slot s : slots.values()) {
      routeTargets.addAll(s.node().routes().values());
      s.node().branches().forEach(b -> routeTargets.add(b.next()));
      if (s.node().hasAnswer()) {
        dependents.put(s.node().key(), closure(s.node().key()));
      }
    }
  }

  private void index(List<Node> list, Node parent, int parentTop) {
    for (int i = 0; i < list.size(); i++) {
      Node n = list.get(i);
      int top = parent == null ? i : parentTop;
      slots.put(n.id(), new Slot(n, parent, top, i, list));
      if (n.isRepeat()) {
        index(n.repeat().body(), n, i);
      }
    }
  }

  /** Ids of nodes that read {@code key}, directly or through computed values and notes. */
  private Set<String> closure(String key) {
    Set<String> ids = new LinkedHashSet<>();
    List<String> work = new ArrayList<>(List.of(key));
    while (!work.isEmpty()) {
      String name = work.remove(work.size() - 1);
      for (Slot s : slots.values()) {
        Node n = s.node();
        if (n.dependsOn().contains(name) && !key.equals(n.key()) && ids.add(n.id()) && n.hasAnswer()) {
          work.add(n.key());
        }
      }
    }
    Set<String> ordered = new LinkedHashSet<>();
    for (String id : slots.keySet()) {
      if (ids.contains(id)) {
        ordered.add(id);
      }
    }
    return java.util.Collections.unmodifiableSet(ordered);
  }

  public String id() { return id; }

  public String title() { return title; }

  public int formatVersion() { return formatVersion; }

  public int revision() { return revision; }

  /** Shown when the flow starts, or null. */
  public String greeting() { return greeting; }

  /** Shown when the flow completes, or null. */
  public String farewell() { return farewell; }

  /** Context entries the flow declares it reads (for example {@code villages}). */
  public List<String> contextNames() { return contextNames; }

  /** Top-level nodes in document order. */
  public List<Node> nodes() { return nodes; }

  /** Every node id in document order, repeated sections included. */
  public List<String> nodeIds() { return List.copyOf(slots.keySet()); }

  /** Every answer key in document order; keys inside a repeat are relative to the item. */
  public List<String> answerKeys() {
    List<String> keys = new ArrayList<>();
    for (Slot s : slots.values()) {
      routeTargets.addAll(s.node().routes().values());
      s.node().branches().forEach(b -> routeTargets.add(b.next()));
      if (s.node().hasAnswer()) {
        keys.add(s.node().key());
      }
    }
    return keys;
  }

  /** The node with {@code id}; @throws IllegalArgumentException when there is none */
  public Node node(String id) {
    return slot(id).node();
  }

  public Slot slot(String id) {
    Slot s = slots.get(id);
    if (s == null) {
      throw new IllegalArgumentException("no node " + id + " in flow " + this.id);
    }
    return s;
  }

  /** Nodes whose {@code describes} names {@code key} (notes and photos for a finding). */
  public List<Node> describedBy(String key) {
    return describedBy.getOrDefault(key, List.of());
  }

  /** Ids of nodes whose answers must be cleared when the answer {@code key} changes, in document order. */
  public Set<String> dependents(String key) {
    return dependents.getOrDefault(key, Set.of());
  }

  /** Whether some option route or branch leads to node {@code id} (rather than only falling into it). */
  public boolean isRouteTarget(String id) {
    return routeTargets.contains(id);
  }

  @Override
  public String toString() {
    return id + "@" + revision;
  }
}
