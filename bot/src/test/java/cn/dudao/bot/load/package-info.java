/**
 * The load driver (not run by {@code mvn verify}): encrypted callbacks sent as WeCom sends them, by
 * many inspectors at rising rates, against one node or a load balancer in front of several, with ack
 * latency and a check afterwards that nothing acknowledged was lost or applied twice. See
 * deploy/BENCHMARKS.md for how to run it and what it measured.
 */
package cn.dudao.bot.load;
