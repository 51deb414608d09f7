package cn.dudao.admin.problems;

import cn.dudao.admin.security.ConsoleScope;
import cn.dudao.bot.problem.ProblemStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the problem list comes from: {@link ProblemRecords} reads the {@code problems} table (issue 6),
 * filtered and cut to the user's scope in the database. The pages, the dashboard, the report and the
 * 问题清单.xlsx export all read through it.
 */
public interface ProblemSource {

  /** The states the status filter offers, in the loop's order. */
  default List<ProblemStatus> statuses() {
    return Arrays.asList(ProblemStatus.values());
  }

  /** One page (1-based) of the rows the filter and scope let through, oldest first. */
  ProblemPage page(ProblemFilter filter, ConsoleScope scope, int page, int size);

  /** Every row the filter and scope let through, streamed in order (exports; bounded memory). */
  void forEach(ProblemFilter filter, ConsoleScope scope, Consumer<ProblemRow> each);

  /** One row, if it exists and the scope covers it (merged problems included). */
  Optional<ProblemRow> find(long id, ConsoleScope scope);
}
