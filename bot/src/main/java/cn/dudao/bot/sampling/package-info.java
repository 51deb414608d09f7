/**
 * Household sampling for visits (入户走访): random per village with quotas per category, never the same
 * household twice in a round, assigned to the team's inspectors; and each inspector's task list.
 */
package cn.dudao.bot.sampling;
