/** The browser chat simulator: try every conversation without a WeCom account. */
package cn.dudao.bot.simulator;
