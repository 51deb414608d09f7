package cn.dudao.flows.engine;

import cn.dudao.flows.definition.Node;
import cn.dudao.flows.expr.Expr;
import cn.dudao.flows.expr.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;

/**
 * Moves forward from a position: skips nodes whose {@code when} is false, shows messages and
 * summaries, computes values, passes questions already answered (after going back) and stops at
 * the first open question, or completes the flow at its end.
 */
final class Walker {
  private Walker() {}

  static void walk(Run run, Position start) {
    Position p = start;
    for (int guard = 0; guard < 100_000; guard++) {
      if (p.isEnd()) {
        settle(run, Position.END);
        Completion.complete(run);
        return;
      }
      Node n = run.flow.node(p.node());
      if (n.when() != null && !Expr.truthy(n.when().eval(run.scope(p)))) {
        p = Routes.skip(run, p);
      } else if (n.isRepeat()) {
        p = run.items(n).isEmpty() ? Routes.skip(run, p) : new Position(n.repeat().body().get(0).id(), 0);
      } else if (n.isMessage()) {
        run.emit(new FlowEvent.MessageShown(Render.prompt(run, p)));
        p = Routes.after(run, p, null);
      } else if (n.isSummary()) {
        run.emit(new FlowEvent.MessageShown(Overview.summary(run, p)));
        p = Routes.after(run, p, null);
      } else if (n.isCompute()) {
        compute(run, p, n);
        p = Routes.after(run, p, run.answers.get(run.key(p)));
      } else {
        String key = run.key(p);
        Object value = run.answers.get(key);
        if (value != null) {
          p = Routes.after(run, p, value);
        } else if (run.list(Run.SKIPPED).contains(key)) {
          p = Routes.after(run, p, null);
        } else {
          settle(run, p);
          ask(run, p);
          return;
        }
      }
    }
    throw new IllegalStateException("flow " + run.flow + " does not terminate");
  }

  /** Puts the question at {@code p} as a new step. */
  static void ask(Run run, Position p) {
    run.step++;
    run.current = p;
    run.removeData(Run.PENDING);
    run.emit(Render.question(run, p));
  }

  /** After an answer changed: drop answers the new path no longer passes. */
  private static void settle(Run run, Position stop) {
    if (run.dirty) {
      run.dirty = false;
      run.cleared.addAll(Paths.clearOffPath(run, stop));
    }
  }

  private static void compute(Run run, Position p, Node n) {
    Object v = n.expr().eval(run.scope(p));
    if (v instanceof BigDecimal d) {
      int decimals = n.limits().decimals() == null ? 2 : n.limits().decimals();
      v = Values.canonical(d.setScale(decimals, RoundingMode.HALF_UP));
    }
    String key = run.key(p);
    Object old = run.answers.get(key);
    if (v == null) {
      if (old != null) {
        run.answers.remove(key);
        run.cleared.add(key);
      }
      return;
    }
    if (old != null && Values.same(old, v)) {
      return;
    }
    // A value cleared earlier in this step because an input changed is recomputed here: a replacement.
    boolean recomputed = run.cleared.remove(key);
    run.answers.put(key, v);
    run.emit(new FlowEvent.AnswerRecorded(n.id(), key, v, Render.display(run, p, v), run.meta(p),
        old != null || recomputed, run.flow.revision()));
  }

  static java.util.Map<String, Object> frozenAnswers(Run run) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(run.answers));
  }
}
