/**
 * The supervision plan as data: plans, teams, members, areas, villages, households, responsible units
 * and their contacts; which plan serves whom ({@link cn.dudao.bot.plan.Roster}); and who may do what
 * ({@link cn.dudao.bot.plan.Access}, the one authorization policy of the bot and the console).
 */
package cn.dudao.bot.plan;
