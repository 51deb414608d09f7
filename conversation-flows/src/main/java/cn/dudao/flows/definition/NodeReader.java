package cn.dudao.flows.definition;

import cn.dudao.flows.expr.Expr;
import cn.dudao.flows.expr.ExprException;
import cn.dudao.flows.question.Choices;
import cn.dudao.flows.question.QuestionType;
import cn.dudao.flows.question.QuestionTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one YAML node map into a {@link Node}, compiling prompts and expressions. */
final class NodeReader {
  static final Set<String> STRUCTURAL = Set.of("message", "summary", "compute", "repeat");
  private static final Set<String> FIELDS = Set.of("id", "type", "key", "prompt", "label", "criterion",
      "options", "options_from", "routes", "branches", "next", "when", "expr", "skippable", "meta",
      "describes", "finding_when", "min", "max", "unit", "decimals", "min_length", "max_length",
      "min_count", "max_count", "for_each", "as", "nodes", "finding_if");
  private final Problems problems;

  NodeReader(Problems problems) {
    this.problems = problems;
  }

  List<Node> readList(List<Object> raw, String listPath) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Object o = raw.get(i);
      if (!(o instanceof Map<?, ?> m)) {
        problems.add(listPath + "[" + i + "]", "应为节点（键值表）");
        continue;
      }
      Object id = m.get("id");
      String path = listPath + "[" + i + "]" + (id == null ? "" : "(" + id + ")");
      Node n = read(m, path);
      if (n != null) {
        nodes.add(n);
      }
    }
    return nodes;
  }

  private Node read(Map<?, ?> map, String path) {
    for (Object k : map.keySet()) {
      if (!FIELDS.contains(String.valueOf(k))) {
        problems.add(path + "." + k, "未知字段");
      }
    }
    Fields f = new Fields(map, path, problems);
    String id = f.string("id");
    String type = f.string("type");
    if (id == null || !id.matches("[a-z][a-z0-9_]*")) {
      problems.add(path + ".id", id == null ? "缺少 id" : "id 只能用小写字母、数字和下划线，且以字母开头");
      return null;
    }
    if (type == null) {
      problems.add(path + ".type", "缺少 type");
      return null;
    }
    QuestionType qt = QuestionTypes.find(type);
    if (qt == null && !STRUCTURAL.contains(type)) {
      problems.add(path + ".type", "未知类型 “" + type + "”（可用：" + String.join("、", QuestionTypes.names())
          + "、" + String.join("、", STRUCTURAL) + "）");
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    String promptText = f.string("prompt");
    Template prompt = promptText == null ? null : template(promptText, f.path("prompt"), names);
    if (prompt == null && !"compute".equals(type) && !"repeat".equals(type)) {
      problems.add(f.path("prompt"), "缺少提示语 prompt");
    }
    String key = f.has("key") ? f.string("key") : id;
    List<OptionDef> options = options(f, qt);
    Map<String, String> routes = new LinkedHashMap<>();
    for (OptionDef o : options) {
      if (o.next() != null) {
        routes.put(o.key(), o.next());
      }
    }
    routes.putAll(f.stringMap("routes"));
    Expr when = expr(f, "when", names);
    Expr expr = expr(f, "expr", names);
    if ("compute".equals(type) && !f.has("expr")) {
      problems.add(f.path("expr"), "计算节点需要 expr");
    }
    Expr findingIf = expr(f, "finding_if", new LinkedHashSet<>());
    String describes = f.string("describes");
    if (describes != null) {
      names.add(describes);
    }
    Map<String, String> meta = f.stringMap("meta");
    if (describes != null) {
      meta.putIfAbsent("describes", describes);
    }
    String optionsFrom = f.string("options_from");
    Map<String, String> lookup = optionsFrom == null && !options.isEmpty() ? Choices.lookup(options) : null;
    Limits limits = new Limits(f.decimal("min"), f.decimal("max"), f.string("unit"), f.integer("decimals"),
        f.integer("min_length"), f.integer("max_length"), f.integer("min_count"), f.integer("max_count"));
    Repeat repeat = null;
    if ("repeat".equals(type)) {
      repeat = new Repeat(f.string("for_each"), f.has("as") ? f.string("as") : "item",
          List.copyOf(readList(f.list("nodes"), path + ".nodes")));
    }
    return new Node(id, type, key, prompt, label(f, prompt, id), f.string("criterion"), List.copyOf(options),
        optionsFrom, lookup, Map.copyOf(routes), branches(f, names), f.string("next"), when, expr,
        f.bool("skippable"), Map.copyOf(meta), describes, Set.copyOf(f.strings("finding_when")), findingIf, limits,
        repeat, Set.copyOf(names));
  }

  private static String label(Fields f, Template prompt, String id) {
    String label = f.string("label");
    if (label != null) {
      return label;
    }
    if (prompt == null) {
      return id;
    }
    String first = prompt.source().strip().lines().findFirst().orElse(id);
    return first.length() > 20 ? first.substring(0, 20) + "…" : first;
  }

  private List<OptionDef> options(Fields f, QuestionType qt) {
    if (qt != null && qt.fixedOptions() != null) {
      if (f.has("options")) {
        problems.add(f.path("options"), "类型 " + qt.name() + " 的选项是固定的，不能另写");
      }
      return qt.fixedOptions();
    }
    List<OptionDef> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Object> raw = f.list("options");
    for (int i = 0; i < raw.size(); i++) {
      String p = f.path("options") + "[" + i + "]";
      Object o = raw.get(i);
      OptionDef def = null;
      if (o instanceof String s) {
        def = new OptionDef(s, s, null);
      } else if (o instanceof Map<?, ?> m) {
        Fields of = new Fields(m, p, problems);
        String k = of.string("key");
        String label = of.string("label");
        if (k == null || label == null) {
          problems.add(p, "选项需要 key 和 label");
        } else {
          def = new OptionDef(k, label, of.string("next"));
        }
      } else {
        problems.add(p, "选项应为文字或 {key, label}");
      }
      if (def != null) {
        if (!seen.add(def.key())) {
          problems.add(p + ".key", "重复的选项 “" + def.key() + "”");
        } else {
          out.add(def);
        }
      }
    }
    return out;
  }

  private List<Branch> branches(Fields f, Set<String> names) {
    List<Branch> out = new ArrayList<>();
    List<Object> raw = f.list("branches");
    for (int i = 0; i < raw.size(); i++) {
      String p = f.path("branches") + "[" + i + "]";
      if (!(raw.get(i) instanceof Map<?, ?> m)) {
        problems.add(p, "应为 {when, next}");
        continue;
      }
      Fields bf = new Fields(m, p, problems);
      String next = bf.string("next");
      Expr when = expr(bf, "when", new HashSet<>());
      if (next == null || when == null) {
        problems.add(p, "分支需要 when 和 next");
      } else {
        out.add(new Branch(when, bf.string("when"), next));
      }
    }
    return List.copyOf(out);
  }

  private Expr expr(Fields f, String field, Set<String> names) {
    String src = f.string(field);
    if (src == null) {
      return null;
    }
    try {
      Expr e = Expr.parse(src);
      e.collectNames(names);
      return e;
    } catch (ExprException ex) {
      problems.add(f.path(field), ex.getMessage());
      return null;
    }
  }

  private Template template(String src, String path, Set<String> names) {
    try {
      Template t = Template.parse(src);
      t.collectNames(names);
      return t;
    } catch (ExprException ex) {
      problems.add(path, "占位符错误：" + ex.getMessage());
      return null;
    }
  }
}
