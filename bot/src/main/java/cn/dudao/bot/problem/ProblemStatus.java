package cn.dudao.bot.problem;

/** Where a problem stands in the rectification loop, with the word the county uses for it. */
public enum ProblemStatus {
  PENDING_ASSIGNMENT("待交办"),
  ASSIGNED("已交办"),
  ACKNOWLEDGED("已签收"),
  RECTIFYING("整改中"),
  AWAITING_REVIEW("待复核"),
  CLOSED("已销号"),
  /** Folded into another problem as its duplicate; the other one carries on. */
  MERGED("已合并");

  private final String label;

  ProblemStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** True while the problem still needs work (and gets a colour). */
  public boolean open() {
    return this != CLOSED && this != MERGED;
  }
}
