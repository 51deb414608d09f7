package cn.dudao.flows.definition;

import cn.dudao.flows.question.QuestionType;
import cn.dudao.flows.question.QuestionTypes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cross-node checks: unique ids and keys, known names in expressions, routes to existing nodes
 * further down the same list, every option routed, and every node reachable.
 */
final class FlowValidator {
  private final Problems problems;
  private final Set<String> context;
  private final Map<String, String> paths = new HashMap<>();
  private final Set<String> topKeys = new HashSet<>();

  FlowValidator(Problems problems, List<String> context) {
    this.problems = problems;
    this.context = new HashSet<>(context);
  }

  void validate(List<Node> nodes) {
    Set<String> ids = new HashSet<>();
    collect(nodes, "nodes", ids, topKeys, true);
    checkList(nodes, "nodes", null);
  }

  private void collect(List<Node> nodes, String listPath, Set<String> ids, Set<String> keys, boolean top) {
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      String path = listPath + "[" + i + "](" + n.id() + ")";
      paths.put(n.id(), path);
      if (!ids.add(n.id())) {
        problems.add(path + ".id", "重复的节点 id “" + n.id() + "”");
      }
      if ((n.hasAnswer() || n.isRepeat()) && (!keys.add(n.key()) || (!top && topKeys.contains(n.key())))) {
        problems.add(path + ".key", "重复的答案键 “" + n.key() + "”");
      }
      if (n.isRepeat()) {
        if (!top) {
          problems.add(path, "repeat 不能嵌套");
        } else {
          collect(n.repeat().body(), path + ".nodes", ids, new HashSet<>(), false);
        }
      }
    }
  }

  private void checkList(List<Node> nodes, String listPath, Node parent) {
    Set<String> known = new HashSet<>(topKeys);
    known.addAll(context);
    if (parent != null) {
      known.add(parent.repeat().as());
      nodes.forEach(n -> known.add(n.key()));
    }
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      String path = paths.get(n.id());
      checkNode(n, path, nodes, i, parent, known);
      if (n.isRepeat() && parent == null) {
        if (n.repeat().forEach() == null || !context.contains(n.repeat().forEach())) {
          problems.add(path + ".for_each", "需要在 context 中声明的列表名");
        }
        if (n.repeat().body().isEmpty()) {
          problems.add(path + ".nodes", "重复段落至少要有一个节点");
        } else {
          checkList(n.repeat().body(), path + ".nodes", n);
        }
      }
    }
    reachability(nodes, parent);
  }

  private void checkNode(Node n, String path, List<Node> siblings, int index, Node parent, Set<String> known) {
    QuestionType qt = QuestionTypes.find(n.type());
    for (String name : n.dependsOn()) {
      if (!known.contains(name)) {
        problems.add(path, "引用了未知名称 “" + name + "”（既不是答案键，也不在 context 中）");
      }
    }
    if (n.findingIf() != null) {
      Set<String> names = new LinkedHashSet<>();
      n.findingIf().collectNames(names);
      names.stream().filter(name -> !known.contains(name)).forEach(name ->
          problems.add(path + ".finding_if", "引用了未知名称 “" + name + "”"));
    }
    for (int b = 0; b < n.branches().size(); b++) {
      Set<String> names = new LinkedHashSet<>();
      n.branches().get(b).when().collectNames(names);
      for (String name : names) {
        if (!known.contains(name)) {
          problems.add(path + ".branches[" + b + "].when", "引用了未知名称 “" + name + "”");
        }
      }
      target(n.branches().get(b).next(), path + ".branches[" + b + "].next", siblings, index, parent);
    }
    if (n.next() != null) {
      target(n.next(), path + ".next", siblings, index, parent);
    }
    if (qt == null) {
      return;
    }
    qt.check(n, problems, path);
    if (qt.usesOptions()) {
      checkOptions(n, path, siblings, index, parent);
    }
    if (n.optionsFrom() != null && !context.contains(n.optionsFrom())) {
      problems.add(path + ".options_from", "“" + n.optionsFrom() + "” 没有在 context 中声明");
    }
    if (n.limits().min() != null && n.limits().max() != null && n.limits().min().compareTo(n.limits().max()) > 0) {
      problems.add(path + ".min", "不能大于 max");
    }
  }

  private void checkOptions(Node n, String path, List<Node> siblings, int index, Node parent) {
    if (n.options().isEmpty() && n.optionsFrom() == null) {
      problems.add(path + ".options", "选择题需要 options 或 options_from");
    }
    Set<String> keys = new HashSet<>();
    n.options().forEach(o -> keys.add(o.key()));
    n.routes().forEach((option, target) -> {
      if (!keys.contains(option)) {
        problems.add(path + ".routes." + option, "没有这个选项");
      }
      target(target, path + ".routes." + option, siblings, index, parent);
    });
    for (String k : n.findingWhen()) {
      if (!keys.contains(k)) {
        problems.add(path + ".finding_when", "没有选项 “" + k + "”");
      }
    }
    if (!n.routes().isEmpty() && n.next() == null) {
      for (OptionDef o : n.options()) {
        if (!n.routes().containsKey(o.key())) {
          problems.add(path + ".options." + o.key(),
              "选项没有去向：其他选项写了 next，请也为它写 next，或给节点写 next");
        }
      }
    }
  }

  private void target(String id, String path, List<Node> siblings, int index, Node parent) {
    if (Node.END.equals(id)) {
      if (parent != null) {
        problems.add(path, "重复段落内不能跳到 end");
      }
      return;
    }
    for (int i = 0; i < siblings.size(); i++) {
      if (siblings.get(i).id().equals(id)) {
        if (i <= index) {
          problems.add(path, "只能跳到后面的节点（“" + id + "” 在前面）；返回由“上一题”完成");
        }
        return;
      }
    }
    problems.add(path, paths.containsKey(id) ? "“" + id + "” 不在同一层节点中" : "未知节点 “" + id + "”");
  }

  private void reachability(List<Node> nodes, Node parent) {
    if (nodes.isEmpty()) {
      return;
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i).id(), i);
    }
    Set<Integer> seen = new HashSet<>();
    Deque<Integer> work = new ArrayDeque<>(List.of(0));
    while (!work.isEmpty()) {
      int i = work.pop();
      if (i >= nodes.size() || !seen.add(i)) {
        continue;
      }
      Node n = nodes.get(i);
      boolean allRouted = !n.options().isEmpty() && n.options().stream().allMatch(o -> n.routes().containsKey(o.key()));
      if (!allRouted || n.when() != null) {
        Integer next = n.next() == null ? Integer.valueOf(i + 1) : index.get(n.next());
        if (next != null) {
          work.push(next);
        }
      }
      n.routes().values().forEach(t -> { if (index.containsKey(t)) work.push(index.get(t)); });
      n.branches().forEach(b -> { if (index.containsKey(b.next())) work.push(index.get(b.next())); });
    }
    for (int i = 0; i < nodes.size(); i++) {
      if (!seen.contains(i)) {
        problems.add(paths.get(nodes.get(i).id()), "节点不可达：没有任何路径会到这里");
      }
    }
  }
}
