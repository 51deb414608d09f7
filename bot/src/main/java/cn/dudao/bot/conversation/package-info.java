/**
 * The conversation runtime: recorded messages are applied per person, in order, through the pure flow
 * engine; answers, state and replies are written in one transaction.
 */
package cn.dudao.bot.conversation;
