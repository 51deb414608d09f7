package cn.dudao.flows.definition;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Parses and validates flow YAML. Callers pass the text in (the library reads no files); every
 * problem found is reported at once, each with its path such as {@code nodes[3](safe_water).next}.
 */
public final class FlowLoader {
  /** The flow file format this loader reads. */
  public static final int FORMAT_VERSION = 1;

  private FlowLoader() {}

  /** @throws FlowDefinitionException listing every problem with its path */
  public static Flow parse(String yaml, String sourceName) {
    Problems problems = new Problems();
    Object root;
    try {
      root = StrictYaml.create().load(yaml);
    } catch (YAMLException e) {
      throw new FlowDefinitionException(sourceName, List.of("YAML 格式错误：" + e.getMessage()));
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new FlowDefinitionException(sourceName, List.of("文件应为一个键值表（format、id、nodes …）"));
    }
    Fields f = new Fields(map, "", problems);
    for (Object k : map.keySet()) {
      if (!List.of("format", "id", "revision", "title", "greeting", "farewell", "context", "nodes")
          .contains(String.valueOf(k))) {
        problems.add(String.valueOf(k), "未知字段");
      }
    }
    Integer format = f.integer("format");
    if (format == null || format != FORMAT_VERSION) {
      problems.add("format", "需要 format: " + FORMAT_VERSION + "（格式版本）");
    }
    String id = f.string("id");
    if (id == null || !id.matches("[a-z][a-z0-9-]*")) {
      problems.add("id", "需要流程 id（小写字母、数字和连字符）");
    }
    Integer revision = f.integer("revision");
    if (revision == null || revision < 1) {
      problems.add("revision", "需要内容修订号 revision（从 1 开始的整数）");
    }
    String title = f.string("title");
    if (title == null) {
      problems.add("title", "需要标题 title");
    }
    List<String> context = f.strings("context");
    List<Node> nodes = new NodeReader(problems).readList(f.list("nodes"), "nodes");
    if (nodes.isEmpty()) {
      problems.add("nodes", "至少需要一个节点");
    }
    new FlowValidator(problems, context).validate(nodes);
    if (!problems.isEmpty()) {
      throw new FlowDefinitionException(sourceName, problems.list());
    }
    return new Flow(id, title, format, revision, f.string("greeting"), f.string("farewell"), context, nodes);
  }
}
