/**
 * A small, safe expression language for conditions and computed values in flows: literals,
 * references to answers and context, arithmetic, comparisons and boolean logic. Parsed once at load;
 * no reflection and no scripting engine.
 */
package cn.dudao.flows.expr;
