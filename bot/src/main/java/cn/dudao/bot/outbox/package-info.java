/**
 * The transactional outbox: messages are queued with the change that causes them and delivered
 * afterwards, in order per person, within WeCom's per-member limits, with retries and dead letters.
 */
package cn.dudao.bot.outbox;
