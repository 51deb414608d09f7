/** Cross-cutting infrastructure: clock, worker pool, cluster-safe scheduling. */
package cn.dudao.bot.infra;
