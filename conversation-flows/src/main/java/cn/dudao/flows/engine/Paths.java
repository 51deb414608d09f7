package cn.dudao.flows.engine;

import cn.dudao.flows.definition.Node;
import cn.dudao.flows.expr.Expr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The live path: the positions a conversation passes from the start to a given position with the
 * current answers. Used to go back and to drop answers a changed answer left off the path.
 */
final class Paths {
  private Paths() {}

  /** Answered, skipped and computed positions on the path from the start up to {@code stop}. */
  static List<Position> trace(Run run, Position stop) {
    List<Position> out = new ArrayList<>();
    Position p = Routes.first(run);
    for (int guard = 0; guard < 100_000; guard++) {
      if (p.isEnd() || p.equals(stop)) {
        return out;
      }
      Node n = run.flow.node(p.node());
      if (n.when() != null && !Expr.truthy(n.when().eval(run.scope(p)))) {
        p = Routes.skip(run, p);
      } else if (n.isRepeat()) {
        p = run.items(n).isEmpty() ? Routes.skip(run, p) : new Position(n.repeat().body().get(0).id(), 0);
      } else if (!n.hasAnswer()) {
        p = Routes.after(run, p, null);
      } else {
        String key = run.key(p);
        Object value = run.answers.get(key);
        if (value != null) {
          out.add(p);
          p = Routes.after(run, p, value);
        } else if (run.list(Run.SKIPPED).contains(key) || n.isCompute()) {
          out.add(p);
          p = Routes.after(run, p, null);
        } else {
          return out;
        }
      }
    }
    throw new IllegalStateException("flow " + run.flow + " does not terminate");
  }

  /** Removes answers before {@code stop} that are not on the live path; returns their keys. */
  static List<String> clearOffPath(Run run, Position stop) {
    Set<Position> live = new HashSet<>(trace(run, stop));
    List<String> cleared = new ArrayList<>();
    for (Node n : run.flow.nodes()) {
      if (n.isRepeat()) {
        int items = run.items(n).size();
        for (int i = 0; i < items; i++) {
          for (Node b : n.repeat().body()) {
            clearIfOff(run, new Position(b.id(), i), stop, live, cleared);
          }
        }
      } else {
        clearIfOff(run, Position.top(n.id()), stop, live, cleared);
      }
    }
    return cleared;
  }

  private static void clearIfOff(Run run, Position p, Position stop, Set<Position> live, List<String> cleared) {
    Node n = run.flow.node(p.node());
    if (!n.hasAnswer() || live.contains(p) || Routes.compare(run, p, stop) >= 0) {
      return;
    }
    String key = run.key(p);
    boolean removed = run.answers.remove(key) != null;
    removed |= run.removeFrom(Run.SKIPPED, key);
    if (removed) {
      cleared.add(key);
    }
  }
}
