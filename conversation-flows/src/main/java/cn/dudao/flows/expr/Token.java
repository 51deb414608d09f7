package cn.dudao.flows.expr;

/** One lexical token with its offset in the source. */
record Token(Kind kind, String text, int offset) {
  enum Kind { NUMBER, STRING, NAME, SYMBOL, END }
}
