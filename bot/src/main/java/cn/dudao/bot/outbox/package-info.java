/**
 * The transactional outbox: messages are queued with the change that causes them and delivered
 * afterwards, in order per person, within WeCom's per-member limits (folding waiting texts into a
 * digest or delaying, never dropping), with retries, dead letters and a resend action.
 */
package cn.dudao.bot.outbox;
