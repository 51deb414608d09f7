package cn.dudao.flows.engine;

import cn.dudao.flows.definition.Node;
import cn.dudao.flows.definition.Slot;
import cn.dudao.flows.expr.Values;
import cn.dudao.flows.question.ConfirmType;
import cn.dudao.flows.question.QuestionType;
import cn.dudao.flows.question.QuestionTypes;
import cn.dudao.flows.question.Reply;
import java.util.ArrayList;
import java.util.List;

/** Applies an input to the open question: parse, record, clear what depended on a change, walk on. */
final class Answering {
  private Answering() {}

  static void answer(Run run, Input input) {
    Position p = run.current;
    Node n = run.flow.node(p.node());
    QuestionType qt = QuestionTypes.of(n.type());
    Reply reply = qt.parse(Render.asked(run, p), input);
    if (reply instanceof Reply.Rejected r) {
      reject(run, r.hint());
    } else if (reply instanceof Reply.Collected c) {
      run.putData(Run.PENDING, List.copyOf(c.pending()));
      run.emit(new FlowEvent.MessageShown(c.note()));
    } else if (reply instanceof Reply.Accepted a) {
      if (qt instanceof ConfirmType && ConfirmType.CHANGE.equals(a.value())) {
        run.emit(new FlowEvent.MessageShown(Words.CHANGE));
        Rewind.back(run);
      } else {
        record(run, p, StateCodec.deep(a.value()), a.display());
      }
    }
  }

  /** Says why the input does not fit and puts the same question again (same step). */
  static void reject(Run run, String hint) {
    Node n = run.flow.node(run.current.node());
    run.emit(new FlowEvent.InputRejected(n.id(), hint));
    run.emit(Render.question(run, run.current));
  }

  static void record(Run run, Position p, Object value, String display) {
    Node n = run.flow.node(p.node());
    String key = run.key(p);
    Object old = run.answers.put(key, value);
    run.removeFrom(Run.SKIPPED, key);
    run.emit(new FlowEvent.AnswerRecorded(n.id(), key, value, display, run.meta(p), old != null,
        run.flow.revision()));
    boolean changed = old != null && !Values.same(old, value);
    continueAfter(run, p, changed, Routes.after(run, p, value));
  }

  /** 跳过: nothing stored; an earlier answer to it counts as a change. */
  static void skip(Run run) {
    Position p = run.current;
    Node n = run.flow.node(p.node());
    String key = run.key(p);
    Object old = run.answers.remove(key);
    run.addTo(Run.SKIPPED, key);
    run.emit(new FlowEvent.QuestionSkipped(n.id(), key, run.meta(p)));
    if (old != null) {
      run.cleared.add(key);
    }
    continueAfter(run, p, old != null, Routes.after(run, p, null));
  }

  private static void continueAfter(Run run, Position p, boolean changed, Position next) {
    int mark = run.events.size();
    if (changed) {
      clearDependents(run, p);
      run.dirty = true;
    }
    Walker.walk(run, next);
    if (!run.cleared.isEmpty()) {
      run.events.add(mark, new FlowEvent.AnswersCleared(List.copyOf(run.cleared)));
      run.cleared.clear();
    }
  }

  /** Answers whose nodes read the changed one (conditions, prompts, computations, notes). */
  private static void clearDependents(Run run, Position changed) {
    Slot from = run.flow.slot(changed.node());
    List<String> keys = new ArrayList<>();
    for (String id : run.flow.dependents(from.node().key())) {
      Slot s = run.flow.slot(id);
      if (!s.node().hasAnswer()) {
        continue;
      }
      if (s.parent() == null) {
        keys.add(s.node().key());
      } else if (s.parent() == from.parent()) {
        keys.add(run.key(new Position(id, changed.item())));
      } else {
        for (int i = 0; i < run.items(s.parent()).size(); i++) {
          keys.add(run.key(new Position(id, i)));
        }
      }
    }
    for (String k : keys) {
      boolean removed = run.answers.remove(k) != null;
      removed |= run.removeFrom(Run.SKIPPED, k);
      if (removed) {
        run.cleared.add(k);
      }
    }
  }
}
