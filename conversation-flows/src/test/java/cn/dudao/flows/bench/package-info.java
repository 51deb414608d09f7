/** The JMH benchmark of engine steps per second; run by hand (see the module README), never by the build. */
package cn.dudao.flows.bench;
