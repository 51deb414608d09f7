package cn.dudao.flows.engine;

import java.util.Map;

/** The words that work at any point of a conversation, whatever the open question. */
enum Command {
  HELP, PROGRESS, BACK, SKIP, PAUSE, RESUME, EXIT;

  private static final Map<String, Command> WORDS = Map.ofEntries(
      Map.entry("帮助", HELP), Map.entry("?", HELP), Map.entry("？", HELP),
      Map.entry("进度", PROGRESS),
      Map.entry("上一题", BACK), Map.entry("修改", BACK), Map.entry("返回", BACK),
      Map.entry("跳过", SKIP),
      Map.entry("暂停", PAUSE),
      Map.entry("继续", RESUME),
      Map.entry("退出", EXIT));

  /** The command {@code folded} text stands for, or null. */
  static Command of(String folded) {
    return WORDS.get(folded);
  }
}
