package cn.dudao.flows.engine;

import cn.dudao.flows.definition.Node;
import cn.dudao.flows.definition.Slot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Summaries of what was answered (summary nodes) and of progress (进度, 继续). */
final class Overview {
  static final int NOTE_CHARS = 30;

  private Overview() {}

  /** The summary node's prompt, then one numbered line per answer; notes go under what they describe. */
  static String summary(Run run, Position at) {
    StringBuilder sb = new StringBuilder(Render.prompt(run, at));
    List<Position> path = Paths.trace(run, at);
    Map<String, List<Position>> notes = new HashMap<>();
    Set<String> described = new HashSet<>();
    for (Position p : path) {
      described.add(run.key(p));
    }
    for (Position p : path) {
      String target = describedKey(run, p);
      if (target != null && described.contains(target)) {
        notes.computeIfAbsent(target, k -> new ArrayList<>()).add(p);
      }
    }
    int number = 0;
    for (Position p : path) {
      Node n = run.flow.node(p.node());
      String target = describedKey(run, p);
      if ("confirm".equals(n.type()) || (n.isCompute() && n.label().equals(n.id()))
          || (target != null && described.contains(target))) {
        continue;
      }
      sb.append('\n').append(++number).append(". ").append(itemLabel(run, p)).append(line(run, p));
      for (Position note : notes.getOrDefault(run.key(p), List.of())) {
        sb.append("\n   ").append(line(run, note));
      }
    }
    return sb.toString();
  }

  /** The answer key that the node at {@code p} describes, in the same repeat item. */
  private static String describedKey(Run run, Position p) {
    Slot slot = run.flow.slot(p.node());
    String d = slot.node().describes();
    if (d == null || slot.parent() == null) {
      return d;
    }
    return slot.parent().key() + "." + run.itemKey(slot.parent(), p.item()) + "." + d;
  }

  private static String line(Run run, Position p) {
    Node n = run.flow.node(p.node());
    Object value = run.answers.get(run.key(p));
    String shown = value == null ? "已跳过" : Render.display(run, p, value);
    // WeCom text messages hold 2048 bytes; long notes are cut so a 26-item summary still fits.
    if ("text".equals(n.type()) && shown.codePointCount(0, shown.length()) > NOTE_CHARS) {
      shown = shown.substring(0, shown.offsetByCodePoints(0, NOTE_CHARS)) + "…";
    }
    return n.label() + "：" + shown;
  }

  private static String itemLabel(Run run, Position p) {
    Slot slot = run.flow.slot(p.node());
    if (slot.parent() == null) {
      return "";
    }
    Object label = run.item(slot.parent(), p.item()).get("label");
    return "【" + (label == null ? run.itemKey(slot.parent(), p.item()) : label) + "】";
  }

  /** 进度: how many questions are answered, roughly how many remain, and which one is open. */
  static String progress(Run run) {
    if (run.current == null) {
      return "当前没有待回答的问题。";
    }
    int answered = 0;
    for (Position p : Paths.trace(run, run.current)) {
      if (run.flow.node(p.node()).isQuestion()) {
        answered++;
      }
    }
    int left = remaining(run);
    Node open = run.flow.node(run.current.node());
    return "进度：已回答 " + answered + " 题，包括当前题预计还剩 " + left + " 题（补充说明和确认另计）。\n当前："
        + open.label();
  }

  /** Main-line questions from the open one on: not conditional, not a note, not only reached by a route. */
  private static int remaining(Run run) {
    int left = 0;
    for (Node n : run.flow.nodes()) {
      if (n.isRepeat()) {
        int items = run.items(n).size();
        for (int i = 0; i < items; i++) {
          for (Node b : n.repeat().body()) {
            left += counts(run, b, new Position(b.id(), i));
          }
        }
      } else {
        left += counts(run, n, Position.top(n.id()));
      }
    }
    return left;
  }

  private static int counts(Run run, Node n, Position p) {
    boolean main = n.isQuestion() && !"confirm".equals(n.type()) && n.when() == null && n.describes() == null
        && !run.flow.isRouteTarget(n.id());
    boolean ahead = Routes.compare(run, p, run.current) >= 0;
    return main && ahead && (p.equals(run.current) || !run.answers.containsKey(run.key(p))) ? 1 : 0;
  }

}
