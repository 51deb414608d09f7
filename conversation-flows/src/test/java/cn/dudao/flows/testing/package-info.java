/** Test support: loading flows from the classpath, driving conversations, running transcript files. */
package cn.dudao.flows.testing;
