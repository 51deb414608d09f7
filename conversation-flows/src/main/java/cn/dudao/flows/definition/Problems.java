package cn.dudao.flows.definition;

import java.util.ArrayList;
import java.util.List;

/** Collects validation problems, each prefixed with the path of the YAML element it concerns. */
public final class Problems {
  private final List<String> list = new ArrayList<>();

  public void add(String path, String message) {
    list.add(path + ": " + message);
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<String> list() {
    return List.copyOf(list);
  }
}
