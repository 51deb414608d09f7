/**
 * The problem list (问题清单) over issue 6's {@code problems} table: filters applied in SQL
 * ({@link cn.dudao.admin.problems.ProblemConditions}), the user's scope (county office and viewers
 * everything, a team leader his team, a unit contact his unit's problems), one problem's page with its
 * photos, reports, review decisions and audit trail, and the county office's actions on it, one by one
 * or in bulk, all through {@link cn.dudao.bot.problem.ProblemAdmin}.
 */
package cn.dudao.admin.problems;
