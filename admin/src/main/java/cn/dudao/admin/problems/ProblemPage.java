package cn.dudao.admin.problems;

import java.util.List;

/** One page of the problem list and the total behind the filters. */
public record ProblemPage(List<ProblemRow> rows, long total, int page, int size) {

  public ProblemPage {
    rows = List.copyOf(rows);
  }

  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < pages();
  }
}
