package cn.dudao.flows.definition;

/** Parses and validates flow YAML. */
public final class FlowLoader {
  /** @throws FlowDefinitionException listing every problem with its path */
  public static Flow parse(String yaml, String sourceName) {
    throw new UnsupportedOperationException("TODO");
  }
}
