package cn.dudao.bot.plan;

/**
 * What an {@link Actor} wants to see or act on, with the facts {@link Access} decides by: its plan,
 * the team whose areas it lies in, the unit it is assigned to, the inspector it belongs to.
 *
 * @param kind     what sort of object
 * @param planId   its plan (null only for {@link Kind#BOT})
 * @param id       its id
 * @param teamId   the team whose areas it lies in (or the team itself), when it has one
 * @param unitId   the responsible unit it is assigned to (problems, units)
 * @param memberId the inspector it belongs to (inspections, the inspector who found a problem)
 */
public record Target(Kind kind, Long planId, long id, Long teamId, Long unitId, Long memberId) {

  /** The object types of the authorization matrix. */
  public enum Kind { BOT, PLAN, PLAN_DATA, TEAM, AREA, VILLAGE, HOUSEHOLD, INSPECTION, PROBLEM, UNIT }

  /** Using the bot at all. */
  public static Target bot() {
    return new Target(Kind.BOT, null, 0, null, null, null);
  }

  /** Plans as a whole: creating a new one. */
  public static Target plans() {
    return new Target(Kind.PLAN, null, 0, null, null, null);
  }

  public static Target plan(long planId) {
    return new Target(Kind.PLAN, planId, planId, null, null, null);
  }

  /** A plan's full lists at once (roster, villages, households, contacts): imports and exports. */
  public static Target planData(long planId) {
    return new Target(Kind.PLAN_DATA, planId, planId, null, null, null);
  }

  public static Target team(long planId, long teamId) {
    return new Target(Kind.TEAM, planId, teamId, teamId, null, null);
  }

  public static Target area(long planId, long areaId, Long teamId) {
    return new Target(Kind.AREA, planId, areaId, teamId, null, null);
  }

  public static Target village(long planId, long villageId, Long teamId) {
    return new Target(Kind.VILLAGE, planId, villageId, teamId, null, null);
  }

  public static Target household(long planId, long householdId, Long teamId) {
    return new Target(Kind.HOUSEHOLD, planId, householdId, teamId, null, null);
  }

  /** An inspection (a village check, a household visit) by {@code memberId} in an area of {@code teamId}. */
  public static Target inspection(long planId, long inspectionId, Long teamId, long memberId) {
    return new Target(Kind.INSPECTION, planId, inspectionId, teamId, null, memberId);
  }

  /** A problem found by {@code inspectorMemberId} in an area of {@code teamId}, assigned to {@code unitId}. */
  public static Target problem(long planId, long problemId, Long teamId, Long unitId, Long inspectorMemberId) {
    return new Target(Kind.PROBLEM, planId, problemId, teamId, unitId, inspectorMemberId);
  }

  /** A responsible unit (its contact list, its problem list). */
  public static Target unit(long planId, long unitId) {
    return new Target(Kind.UNIT, planId, unitId, null, unitId, null);
  }

  /** How the target appears in the audit trail, e.g. {@code village:12@plan:1}. */
  public String label() {
    String self = kind.name().toLowerCase() + ":" + (kind == Kind.PLAN && planId == null ? "new" : id);
    return planId == null || kind == Kind.PLAN || kind == Kind.PLAN_DATA ? self : self + "@plan:" + planId;
  }
}
