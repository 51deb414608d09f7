package cn.dudao.flows.engine;

import cn.dudao.flows.definition.Branch;
import cn.dudao.flows.definition.Node;
import cn.dudao.flows.definition.Slot;
import cn.dudao.flows.expr.Expr;
import cn.dudao.flows.question.QuestionType;
import cn.dudao.flows.question.QuestionTypes;

/**
 * Where the flow goes after a node: the option's route, else the first true branch, else the
 * node's {@code next}, else the following node (the next item, or past the repeat, at the end of a
 * repeated section).
 */
final class Routes {
  private Routes() {}

  static Position first(Run run) {
    return Position.top(run.flow.nodes().get(0).id());
  }

  /** After the node at {@code p} was answered with {@code value} (null for non-questions). */
  static Position after(Run run, Position p, Object value) {
    Slot slot = run.flow.slot(p.node());
    Node n = slot.node();
    if (value != null && !n.routes().isEmpty()) {
      QuestionType qt = QuestionTypes.find(n.type());
      if (qt != null) {
        for (String option : qt.optionKeys(value)) {
          String target = n.routes().get(option);
          if (target != null) {
            return resolve(run, slot, target, p.item());
          }
        }
      }
    }
    if (!n.branches().isEmpty()) {
      var scope = run.scope(p);
      for (Branch b : n.branches()) {
        if (Expr.truthy(b.when().eval(scope))) {
          return resolve(run, slot, b.next(), p.item());
        }
      }
    }
    return skip(run, p);
  }

  /** The default successor: {@code next}, else the following node. */
  static Position skip(Run run, Position p) {
    Slot slot = run.flow.slot(p.node());
    if (slot.node().next() != null) {
      return resolve(run, slot, slot.node().next(), p.item());
    }
    return following(run, slot, p.item());
  }

  private static Position resolve(Run run, Slot slot, String target, int item) {
    return Node.END.equals(target) ? Position.END : new Position(target, item);
  }

  private static Position following(Run run, Slot slot, int item) {
    Node f = slot.following();
    if (f != null) {
      return new Position(f.id(), item);
    }
    if (slot.parent() == null) {
      return Position.END;
    }
    Node repeat = slot.parent();
    if (item + 1 < run.items(repeat).size()) {
      return new Position(repeat.repeat().body().get(0).id(), item + 1);
    }
    return skip(run, Position.top(repeat.id()));
  }

  /**
   * Document order: top-level index, then item, then index inside the repeat. Routes only go
   * forward, so a position before the open question that is off the path can never be reached again.
   */
  static int compare(Run run, Position a, Position b) {
    if (a.isEnd() || b.isEnd()) {
      return a.isEnd() == b.isEnd() ? 0 : a.isEnd() ? 1 : -1;
    }
    Slot x = run.flow.slot(a.node());
    Slot y = run.flow.slot(b.node());
    if (x.top() != y.top()) {
      return Integer.compare(x.top(), y.top());
    }
    if (a.item() != b.item()) {
      return Integer.compare(a.item(), b.item());
    }
    int xi = x.parent() == null ? -1 : x.index();
    int yi = y.parent() == null ? -1 : y.index();
    return Integer.compare(xi, yi);
  }
}
