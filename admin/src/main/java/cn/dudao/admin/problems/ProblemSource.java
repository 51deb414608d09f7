package cn.dudao.admin.problems;

import cn.dudao.admin.security.ConsoleScope;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the problem list comes from. Today {@link FindingProblems} reads the findings of confirmed
 * inspections; when issue 6's {@code problems} table arrives, a source over it replaces this one (same
 * rows, with status, colour, unit and deadline filled) and the pages and exports stay as they are.
 */
public interface ProblemSource {

  /** True when rows carry rectification state, so status, colour, unit and overdue filters apply. */
  boolean tracksRectification();

  /** The rectification states rows can be in, for the status filter (none while untracked). */
  default List<String> statuses() {
    return List.of();
  }

  /** One page (1-based) of the rows the filter and scope let through, newest last. */
  ProblemPage page(ProblemFilter filter, ConsoleScope scope, int page, int size);

  /** Every row the filter and scope let through, streamed in order (exports; bounded memory). */
  void forEach(ProblemFilter filter, ConsoleScope scope, Consumer<ProblemRow> each);

  /** One row, if it exists and the scope covers it. */
  Optional<ProblemRow> find(long id, ConsoleScope scope);
}
