package cn.dudao.bot.plan.excel;

/** What an import wrote, tallied as it goes. */
final class Counts {
  int created;
  int updated;
  int unchanged;

  void created() {
    created++;
  }

  void updated(boolean changed) {
    if (changed) {
      updated++;
    } else {
      unchanged++;
    }
  }
}
