/**
 * The supervision plan as data: plans, teams, members, areas and villages, and the roster look-ups
 * that decide who may do what.
 */
package cn.dudao.bot.plan;
