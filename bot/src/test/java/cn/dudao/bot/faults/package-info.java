/**
 * Fault tests of the conversation path (GUIDE §5): a node dying after its acknowledgement, Redis lost
 * mid-conversation, WeCom API failures. Each starts its own nodes on its own database and prints what
 * was acknowledged, lost, duplicated and resumed.
 */
package cn.dudao.bot.faults;
