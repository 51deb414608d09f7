package cn.dudao.flows.definition;

import java.util.List;

/**
 * Where a node sits: its enclosing repeat ({@code parent}, null at top level), its index among its
 * siblings and the top-level index that orders it in the document.
 */
public record Slot(Node node, Node parent, int top, int index, List<Node> siblings) {

  /** The sibling after this node, or null at the end of its list. */
  public Node following() {
    return index + 1 < siblings.size() ? siblings.get(index + 1) : null;
  }
}
