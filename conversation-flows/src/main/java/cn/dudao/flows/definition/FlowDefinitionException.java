package cn.dudao.flows.definition;

import java.util.List;

/** A flow file that cannot be used; {@link #problems()} lists each problem with its path. */
public final class FlowDefinitionException extends RuntimeException {
  private final List<String> problems;

  public FlowDefinitionException(String sourceName, List<String> problems) {
    super(sourceName + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
