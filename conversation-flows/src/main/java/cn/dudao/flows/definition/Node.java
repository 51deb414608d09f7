package cn.dudao.flows.definition;

import cn.dudao.flows.expr.Expr;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compiled node of a flow: a question (of a registered type), a message, a summary, a computed
 * value or a repeated section. Fields that do not apply to the node's type are null or empty.
 *
 * @param key answer key (question and compute nodes); inside a repeat, relative to the item
 * @param routes option key → target node id (from {@code options[].next} and {@code routes})
 * @param next explicit successor, {@code end}, or null for the following node
 * @param findingIf expression that makes the answer a finding when true (alternative to findingWhen)
 * @param dependsOn names this node reads (when, prompt, expr, describes, options_from)
 */
public record Node(String id, String type, String key, Template prompt, String label, String criterion,
                   List<OptionDef> options, String optionsFrom, Map<String, String> optionLookup,
                   Map<String, String> routes, List<Branch> branches, String next, Expr when,
                   Expr expr, boolean skippable, Map<String, String> meta, String describes,
                   Set<String> findingWhen, Expr findingIf, Limits limits, Repeat repeat,
                   Set<String> dependsOn) {

  public static final String END = "end";

  public boolean isRepeat() {
    return "repeat".equals(type);
  }

  public boolean isCompute() {
    return "compute".equals(type);
  }

  public boolean isMessage() {
    return "message".equals(type);
  }

  public boolean isSummary() {
    return "summary".equals(type);
  }

  /** Question nodes are everything that is not structural. */
  public boolean isQuestion() {
    return !isRepeat() && !isCompute() && !isMessage() && !isSummary();
  }

  /** Whether the node stores an answer (questions and computed values). */
  public boolean hasAnswer() {
    return isQuestion() || isCompute();
  }
}
