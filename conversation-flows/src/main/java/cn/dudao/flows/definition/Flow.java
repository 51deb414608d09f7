package cn.dudao.flows.definition;

/** A validated flow definition. */
public final class Flow {
  public String id() { throw new UnsupportedOperationException("TODO"); }
  public String title() { throw new UnsupportedOperationException("TODO"); }
  public int formatVersion() { throw new UnsupportedOperationException("TODO"); }
  public int revision() { throw new UnsupportedOperationException("TODO"); }
}
