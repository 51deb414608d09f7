/**
 * JMH micro-benchmarks (run by deploy/bench/jmh.sh, never by {@code mvn verify}): the floor that the
 * end-to-end load figures are compared with.
 */
package cn.dudao.bot.bench;
