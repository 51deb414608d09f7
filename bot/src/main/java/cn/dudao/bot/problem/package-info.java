/**
 * The problem list (问题清单) and its rectification loop: every finding becomes a problem assigned to a
 * responsible unit, which signs for it and reports its rectification in WeCom; the inspector who found
 * it closes it (销号) or sends it back. One pure table owns the transitions, one service persists them.
 */
package cn.dudao.bot.problem;
