package cn.dudao.flows.expr;

/** An expression that cannot be parsed; the message says where and why, in Chinese. */
public final class ExprException extends RuntimeException {
  public ExprException(String message) {
    super(message);
  }
}
