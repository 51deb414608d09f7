package cn.dudao.flows.engine;

/**
 * A place in a flow: a node, plus the item index inside a repeated section ({@code -1} outside).
 * Stored in {@link ConversationState#currentNode()} as {@code node} or {@code node@item}.
 */
record Position(String node, int item) {
  static final Position END = new Position("", -1);

  static Position top(String node) {
    return new Position(node, -1);
  }

  boolean isEnd() {
    return this == END || node.isEmpty();
  }

  static Position parse(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    int at = s.indexOf('@');
    return at < 0 ? top(s) : new Position(s.substring(0, at), Integer.parseInt(s.substring(at + 1)));
  }

  String format() {
    return item < 0 ? node : node + "@" + item;
  }
}
