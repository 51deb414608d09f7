package cn.dudao.flows.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of problem is reported with its path, all at once. */
class FlowValidatorTest {
  private static final String HEAD = "format: 1\nid: t\nrevision: 1\ntitle: 测试\ncontext: [villages]\nnodes:\n";

  private static List<String> problems(String nodes) {
    FlowDefinitionException e = catchThrowableOfType(() -> FlowLoader.parse(HEAD + nodes, "t.yaml"),
        FlowDefinitionException.class);
    assertThat(e).as("expected a definition problem").isNotNull();
    assertThat(e.getMessage()).startsWith("t.yaml: ");
    return e.problems();
  }

  @Test
  void validFlowLoads() {
    Flow f = FlowLoader.parse(HEAD + """
          - id: a
            type: yes_no
            prompt: 是否？
            routes: {yes: c, no: b}
          - id: b
            type: text
            prompt: 为什么？
          - id: c
            type: confirm
            prompt: 确认？
        """, "t.yaml");
    assertThat(f.nodeIds()).containsExactly("a", "b", "c");
    assertThat(f.answerKeys()).containsExactly("a", "b", "c");
  }

  @Test
  void headerProblems() {
    FlowDefinitionException e = catchThrowableOfType(
        () -> FlowLoader.parse("format: 2\nid: Bad_Id\nnodes: []\nextra: 1\n", "h.yaml"), FlowDefinitionException.class);
    assertThat(e.problems()).anyMatch(p -> p.startsWith("format:")).anyMatch(p -> p.startsWith("id:"))
        .anyMatch(p -> p.startsWith("revision:")).anyMatch(p -> p.startsWith("title:"))
        .anyMatch(p -> p.startsWith("nodes:")).anyMatch(p -> p.startsWith("extra:"));
  }

  @Test
  void unknownNodeAndTypeAndMissingPrompt() {
    List<String> p = problems("""
          - id: a
            type: single_choice
            options: [甲, 乙]
            next: nowhere
          - id: b
            type: slider
            prompt: 多少？
          - id: c
            type: text
            prompt: 说明
            colour: red
        """);
    assertThat(p).contains("nodes[0](a).prompt: 缺少提示语 prompt", "nodes[0](a).next: 未知节点 “nowhere”",
        "nodes[2](c).colour: 未知字段");
    assertThat(p).anyMatch(s -> s.startsWith("nodes[1](b).type: 未知类型 “slider”"));
  }

  @Test
  void duplicateIdsAndKeys() {
    List<String> p = problems("""
          - id: a
            type: text
            prompt: 一
          - id: a
            type: text
            prompt: 二
          - id: c
            type: text
            key: a
            prompt: 三
        """);
    assertThat(p).contains("nodes[1](a).id: 重复的节点 id “a”", "nodes[2](c).key: 重复的答案键 “a”");
  }

  @Test
  void optionWithoutRouteAndRouteProblems() {
    List<String> p = problems("""
          - id: a
            type: single_choice
            prompt: 选
            options:
              - {key: x, label: 甲, next: c}
              - {key: y, label: 乙}
            routes: {z: c}
          - id: b
            type: text
            prompt: 说明
          - id: c
            type: text
            prompt: 结束
            next: a
        """);
    assertThat(p).contains("nodes[0](a).options.y: 选项没有去向：其他选项写了 next，请也为它写 next，或给节点写 next",
        "nodes[0](a).routes.z: 没有这个选项");
    assertThat(p).anyMatch(s -> s.startsWith("nodes[2](c).next: 只能跳到后面的节点"));
  }

  @Test
  void unreachableNode() {
    List<String> p = problems("""
          - id: a
            type: yes_no
            prompt: 是否？
            routes: {yes: c, no: c}
          - id: b
            type: text
            prompt: 没人到这里
          - id: c
            type: text
            prompt: 结束
        """);
    assertThat(p).containsExactly("nodes[1](b): 节点不可达：没有任何路径会到这里");
  }

  @Test
  void badExpressionsAndUnknownNames() {
    List<String> p = problems("""
          - id: a
            type: integer
            prompt: 几人？
            min: 5
            max: 1
          - id: b
            type: text
            prompt: 说明 {a} {nobody}
            when: a >
          - id: c
            type: compute
            expr: a / ghost
          - id: d
            type: text
            prompt: 说明
            branches:
              - {when: "a > 1", next: e}
              - {when: "x ==", next: e}
          - id: e
            type: compute
        """);
    assertThat(p).contains("nodes[0](a).min: 不能大于 max", "nodes[4](e).expr: 计算节点需要 expr");
    assertThat(p).anyMatch(s -> s.startsWith("nodes[1](b).when: 表达式 “a >”"));
    assertThat(p).anyMatch(s -> s.startsWith("nodes[1](b): 引用了未知名称 “nobody”"));
    assertThat(p).anyMatch(s -> s.startsWith("nodes[2](c): 引用了未知名称 “ghost”"));
    assertThat(p).anyMatch(s -> s.startsWith("nodes[3](d).branches[1].when: 表达式"));
  }

  @Test
  void choiceAndRepeatProblems() {
    List<String> p = problems("""
          - id: a
            type: single_choice
            prompt: 选
            finding_when: [bad]
          - id: b
            type: single_choice
            prompt: 选村
            options_from: towns
          - id: r
            type: repeat
            for_each: households
            nodes: []
          - id: y
            type: yes_no
            prompt: 是否
            options: [a, b]
        """);
    assertThat(p).contains("nodes[0](a).options: 选择题需要 options 或 options_from",
        "nodes[0](a).finding_when: 没有选项 “bad”", "nodes[1](b).options_from: “towns” 没有在 context 中声明",
        "nodes[2](r).for_each: 需要在 context 中声明的列表名", "nodes[2](r).nodes: 重复段落至少要有一个节点",
        "nodes[3](y).options: 类型 yes_no 的选项是固定的，不能另写");
  }

  @Test
  void yamlProblemsAndYesNoKeysStayStrings() {
    assertThat(catchThrowableOfType(() -> FlowLoader.parse("a: [", "x.yaml"), FlowDefinitionException.class)
        .problems().get(0)).startsWith("YAML 格式错误");
    assertThat(catchThrowableOfType(() -> FlowLoader.parse("- 1", "x.yaml"), FlowDefinitionException.class)
        .problems().get(0)).contains("键值表");
    assertThat(catchThrowableOfType(() -> FlowLoader.parse(HEAD + "  - {id: a, type: text, prompt: x}\n  - {id: a, id: b}\n",
        "x.yaml"), FlowDefinitionException.class).problems().get(0)).contains("YAML");
  }
}
