/** The chat simulator's read side: who one can act as, and one person's transcript. */
package cn.dudao.bot.simulator;
