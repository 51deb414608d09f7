package cn.dudao.admin.problems;

/**
 * The problem list's filters, bound from the query string. {@code status}, {@code colour}, {@code unit}
 * and {@code overdue} apply once problems are tracked (see {@link ProblemSource#tracksRectification()}).
 */
public record ProblemFilter(Long plan, Long team, Long area, Long village, String category, String indicator,
                            Long inspector, String status, String colour, Long unit, Boolean overdue) {

  public static ProblemFilter all(Long plan) {
    return new ProblemFilter(plan, null, null, null, null, null, null, null, null, null, null);
  }

  public ProblemFilter withPlan(Long planId) {
    return new ProblemFilter(planId, team, area, village, category, indicator, inspector, status, colour, unit,
        overdue);
  }

  /** The category filter, null when blank. */
  public String categoryOrNull() {
    return category == null || category.isBlank() ? null : category;
  }

  /** The indicator filter, null when blank. */
  public String indicatorOrNull() {
    return indicator == null || indicator.isBlank() ? null : indicator;
  }
}
