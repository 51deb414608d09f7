package cn.dudao.admin.problems;

import cn.dudao.bot.problem.ProblemColour;
import cn.dudao.bot.problem.ProblemStatus;
import java.util.Arrays;

/**
 * The problem list's filters, bound from the query string. {@code status} and {@code colour} are the
 * enum names ({@code ASSIGNED}, {@code RED}) or their Chinese words (已交办, 红色); anything else is
 * ignored. {@code overdue}: only red items.
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

  /** The status asked for, null when none (or not a status). */
  public ProblemStatus statusOrNull() {
    return status == null || status.isBlank() ? null : Arrays.stream(ProblemStatus.values())
        .filter(s -> s.name().equals(status) || s.label().equals(status)).findFirst().orElse(null);
  }

  /** The colour asked for, null when none (or not a colour). */
  public ProblemColour colourOrNull() {
    return colour == null || colour.isBlank() ? null : Arrays.stream(ProblemColour.values())
        .filter(c -> c.name().equals(colour) || c.label().equals(colour)).findFirst().orElse(null);
  }
}
