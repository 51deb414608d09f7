package cn.dudao.bot.plan.excel;

/**
 * One list's import, run inside the import's transaction: check every row against the plan first and
 * write only when no row has a problem.
 */
interface SheetImport {

  PlanSheet sheet();

  /** Checks all rows, recording problems in {@code rows}; writes everything only if there are none. */
  Counts apply(long planId, SheetRows rows);

  /** A WeCom user id: letters, digits and {@code _ - . @}, at most 64 characters (WeCom's own rule). */
  static boolean validUserId(String s) {
    return s.matches("[A-Za-z0-9_.@-]{1,64}");
  }
}
