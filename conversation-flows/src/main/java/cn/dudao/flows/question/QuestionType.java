package cn.dudao.flows.question;

import cn.dudao.flows.definition.Node;
import cn.dudao.flows.definition.OptionDef;
import cn.dudao.flows.definition.Problems;
import cn.dudao.flows.engine.Input;
import cn.dudao.flows.expr.Values;
import java.util.List;

/** One question type: its load-time checks, its input parser, its how-to line and its display. */
public interface QuestionType {

  /** The slug used in YAML {@code type:} and in {@code QuestionAsked.type}. */
  String name();

  /** Whether the node offers options (declared, from context or fixed). */
  default boolean usesOptions() {
    return false;
  }

  /** Options every node of this type has (yes/no, confirm), or null when the node declares them. */
  default List<OptionDef> fixedOptions() {
    return null;
  }

  /** Checks the type-specific fields of {@code node}; {@code path} prefixes problems. */
  default void check(Node node, Problems problems, String path) {}

  /** Parses one input for the open question. */
  Reply parse(Asked asked, Input input);

  /** One Chinese line saying how to answer. */
  String howTo(Asked asked);

  /** The Chinese rendering of a stored value. */
  default String display(Asked asked, Object value) {
    return Values.plain(value);
  }

  /** The option keys a stored value stands for, for routes and {@code finding_when}. */
  default List<String> optionKeys(Object value) {
    return value instanceof String s ? List.of(s) : List.of();
  }
}
