package cn.dudao.flows.engine;

import cn.dudao.flows.definition.Node;
import cn.dudao.flows.expr.Expr;
import cn.dudao.flows.question.QuestionType;
import cn.dudao.flows.question.QuestionTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a flow: findings for every not-met answer on the final path (so they carry the
 * inspector's confirmation), the farewell, then {@link FlowEvent.Completed}.
 */
final class Completion {
  private Completion() {}

  static void complete(Run run) {
    run.status = ConversationState.Status.COMPLETED;
    run.current = null;
    run.removeData(Run.PENDING);
    for (Position p : Paths.trace(run, Position.END)) {
      finding(run, p);
    }
    run.emit(new FlowEvent.MessageShown(run.flow.farewell() == null ? Words.DONE : run.flow.farewell().strip()));
    run.emit(new FlowEvent.Completed(Walker.frozenAnswers(run)));
  }

  private static void finding(Run run, Position p) {
    Node n = run.flow.node(p.node());
    if (n.findingWhen().isEmpty() && n.findingIf() == null) {
      return;
    }
    String key = run.key(p);
    Object value = run.answers.get(key);
    if (value == null) {
      return;
    }
    boolean hit = n.findingIf() != null && Expr.truthy(n.findingIf().eval(run.scope(p)));
    QuestionType qt = QuestionTypes.find(n.type());
    for (String option : qt == null ? List.<String>of() : qt.optionKeys(value)) {
      hit |= n.findingWhen().contains(option);
    }
    if (!hit) {
      return;
    }
    StringBuilder description = new StringBuilder();
    List<String> evidence = new ArrayList<>();
    for (Node d : run.flow.describedBy(n.key())) {
      Object v = run.answers.get(run.key(new Position(d.id(), p.item())));
      if (v instanceof String s) {
        description.append(description.length() == 0 ? "" : "；").append(s);
      } else if (v instanceof List<?> l && "photos".equals(d.type())) {
        l.forEach(o -> evidence.add(String.valueOf(o)));
      }
    }
    run.emit(new FlowEvent.FindingRecorded(n.id(), key, value, Render.display(run, p, value), run.meta(p),
        description.toString(), List.copyOf(evidence), run.flow.revision()));
  }
}
