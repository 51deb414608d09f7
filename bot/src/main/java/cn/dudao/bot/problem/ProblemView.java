package cn.dudao.bot.problem;

import java.time.LocalDate;

/**
 * One row of the problem list as the console shows it.
 *
 * @param problem  the problem
 * @param unitName its responsible unit's name
 * @param colour   its colour today (none once closed)
 */
public record ProblemView(Problem problem, String unitName, ProblemColour colour) {

  public long id() {
    return problem.getId();
  }

  public LocalDate deadline() {
    return problem.getDeadline();
  }
}
