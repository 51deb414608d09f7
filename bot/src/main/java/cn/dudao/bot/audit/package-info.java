/**
 * The audit trail: who did or tried what, when, and how it ended. Refusals are written even when the
 * transaction that refused rolls back.
 */
package cn.dudao.bot.audit;
