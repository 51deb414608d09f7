/** Shared key-value state across nodes: Redis in a cluster, in-process for the embedded default. */
package cn.dudao.bot.store;
