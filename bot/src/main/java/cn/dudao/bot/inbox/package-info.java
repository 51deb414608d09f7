/**
 * The durable inbox: every inbound message is recorded, deduplicated, before it is acknowledged, and
 * applied afterwards by the conversation runtime, in the order each person sent them.
 */
package cn.dudao.bot.inbox;
