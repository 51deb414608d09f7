package cn.dudao.flows.definition;

import cn.dudao.flows.expr.Expr;

/** A conditional route taken after a node when {@code when} is true (first match wins). */
public record Branch(Expr when, String whenSource, String next) {}
