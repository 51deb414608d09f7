package cn.dudao.bot.problem;

/**
 * Optional conditions of a problem list query; null means any.
 *
 * @param status   one status
 * @param unitId   one responsible unit
 * @param areaId   one area
 * @param colour   one colour (today's)
 * @param openOnly only problems not yet closed or merged
 */
public record ProblemFilter(ProblemStatus status, Long unitId, Long areaId, ProblemColour colour, boolean openOnly) {

  public static final ProblemFilter ALL = new ProblemFilter(null, null, null, null, false);

  boolean matches(Problem p, ProblemColour today) {
    return (status == null || p.getStatus() == status)
        && (unitId == null || unitId.equals(p.getUnitId()))
        && (areaId == null || areaId.equals(p.getAreaId()))
        && (colour == null || colour == today)
        && (!openOnly || p.getStatus().open());
  }
}
