package cn.dudao.flows.engine;

import java.util.List;

/**
 * 上一题 / 修改: reopens the last question on the path before the open one. Its answer stays until
 * it is answered again; answers after it are kept and passed again unless the change affects them.
 */
final class Rewind {
  private Rewind() {}

  static void back(Run run) {
    List<Position> path = Paths.trace(run, run.current);
    for (int i = path.size() - 1; i >= 0; i--) {
      Position p = path.get(i);
      if (run.flow.node(p.node()).isQuestion()) {
        Walker.ask(run, p);
        return;
      }
    }
    run.emit(new FlowEvent.MessageShown(Words.FIRST));
    run.emit(Render.question(run, run.current));
  }
}
