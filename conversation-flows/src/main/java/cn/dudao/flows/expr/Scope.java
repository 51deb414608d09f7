package cn.dudao.flows.expr;

/** Resolves the first segment of a name (an answer key, a context entry, a repeat variable). */
@FunctionalInterface
public interface Scope {
  /** The value of {@code name}, or null when it has none. */
  Object lookup(String name);
}
