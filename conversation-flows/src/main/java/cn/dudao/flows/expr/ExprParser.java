package cn.dudao.flows.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser. Grammar, loosest first: {@code or}/{@code ||}, {@code and}/{@code &&},
 * {@code not}/{@code !}, comparisons ({@code == != < <= > >= in}), {@code + -}, {@code * / %},
 * unary minus, then literals, names, calls, lists and parentheses.
 */
final class ExprParser {
  private final String src;
  private final List<Token> tokens;
  private int pos;

  ExprParser(String source) {
    this.src = source == null ? "" : source;
    this.tokens = new Lexer(this.src).tokens();
  }

  Expr parseAll() {
    if (tokens.size() == 1) {
      throw error("表达式为空");
    }
    Expr e = or();
    if (peek().kind() != Token.Kind.END) {
      throw error("多余的内容 “" + peek().text() + "”");
    }
    return e;
  }

  private Expr or() {
    Expr left = and();
    while (word("or") || sym("||")) {
      left = new Ast.Logic(false, left, and());
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (word("and") || sym("&&")) {
      left = new Ast.Logic(true, left, not());
    }
    return left;
  }

  private Expr not() {
    if (word("not") || sym("!")) {
      return new Ast.Not(not());
    }
    return comparison();
  }

  private Expr comparison() {
    Expr left = additive();
    for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
      if (sym(op)) {
        return new Ast.Compare(op, left, additive());
      }
    }
    if (word("in")) {
      return new Ast.Compare("in", left, additive());
    }
    return left;
  }

  private Expr additive() {
    Expr left = multiplicative();
    while (true) {
      if (sym("+")) {
        left = new Ast.Arith('+', left, multiplicative());
      } else if (sym("-")) {
        left = new Ast.Arith('-', left, multiplicative());
      } else {
        return left;
      }
    }
  }

  private Expr multiplicative() {
    Expr left = unary();
    while (true) {
      if (sym("*")) {
        left = new Ast.Arith('*', left, unary());
      } else if (sym("/")) {
        left = new Ast.Arith('/', left, unary());
      } else if (sym("%")) {
        left = new Ast.Arith('%', left, unary());
      } else {
        return left;
      }
    }
  }

  private Expr unary() {
    if (sym("-")) {
      return new Ast.Negate(unary());
    }
    return primary();
  }

  private Expr primary() {
    Token t = next();
    switch (t.kind()) {
      case NUMBER:
        return new Ast.Literal(new BigDecimal(t.text()));
      case STRING:
        return new Ast.Literal(t.text());
      case NAME:
        return name(t);
      case SYMBOL:
        if (t.text().equals("(")) {
          Expr inner = or();
          expect(")");
          return inner;
        }
        if (t.text().equals("[")) {
          return new Ast.ListOf(arguments("]"));
        }
        throw error("意外的符号 “" + t.text() + "”", t);
      default:
        throw error("表达式不完整", t);
    }
  }

  private Expr name(Token t) {
    switch (t.text()) {
      case "true": return new Ast.Literal(Boolean.TRUE);
      case "false": return new Ast.Literal(Boolean.FALSE);
      case "null": return new Ast.Literal(null);
      case "and": case "or": case "not": case "in":
        throw error("关键字 “" + t.text() + "” 用错了位置", t);
      default:
    }
    if (sym("(")) {
      Integer arity = Ast.Call.ARITY.get(t.text());
      if (arity == null) {
        throw error("未知函数 “" + t.text() + "”", t);
      }
      List<Expr> args = arguments(")");
      if (args.size() != arity) {
        throw error("函数 " + t.text() + " 需要 " + arity + " 个参数", t);
      }
      return new Ast.Call(t.text(), List.copyOf(args));
    }
    List<String> tail = new ArrayList<>();
    while (sym(".")) {
      Token part = next();
      if (part.kind() != Token.Kind.NAME) {
        throw error("“.” 后面应是名称", part);
      }
      tail.add(part.text());
    }
    return new Ast.Ref(t.text(), tail.toArray(new String[0]));
  }

  private List<Expr> arguments(String close) {
    List<Expr> args = new ArrayList<>();
    if (sym(close)) {
      return args;
    }
    do {
      args.add(or());
    } while (sym(","));
    expect(close);
    return args;
  }

  private void expect(String symbol) {
    if (!sym(symbol)) {
      throw error("缺少 “" + symbol + "”");
    }
  }

  private boolean sym(String s) {
    Token t = peek();
    if (t.kind() == Token.Kind.SYMBOL && t.text().equals(s)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean word(String w) {
    Token t = peek();
    if (t.kind() == Token.Kind.NAME && t.text().equals(w)) {
      pos++;
      return true;
    }
    return false;
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Token.Kind.END) {
      pos++;
    }
    return t;
  }

  private ExprException error(String message) {
    return error(message, peek());
  }

  private ExprException error(String message, Token at) {
    return new ExprException("表达式 “" + src + "” 第 " + (at.offset() + 1) + " 个字符处：" + message);
  }
}
