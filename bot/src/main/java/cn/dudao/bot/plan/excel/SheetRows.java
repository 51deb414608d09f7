package cn.dudao.bot.plan.excel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.util.CellReference;

/**
 * The data rows of an uploaded sheet, read as text, with the problems found so far. Problems name the
 * column as it stands in the uploaded file (letter and header).
 */
final class SheetRows {

  /** One data row: its Excel row number and its cells by header. */
  record Row(int number, Map<String, String> cells, Set<String> numericCells) {
    String get(String header) {
      String v = cells.get(header);
      return v == null ? "" : v;
    }

    boolean blank(String header) {
      return get(header).isEmpty();
    }
  }

  private final PlanSheet sheet;
  private final Map<String, Integer> columnIndex;
  private final List<Row> rows = new ArrayList<>();
  private final List<ImportProblem> problems = new ArrayList<>();

  SheetRows(PlanSheet sheet, Map<String, Integer> columnIndex) {
    this.sheet = sheet;
    this.columnIndex = new HashMap<>(columnIndex);
  }

  static SheetRows failed(PlanSheet sheet, ImportProblem problem) {
    SheetRows rows = new SheetRows(sheet, Map.of());
    rows.problems.add(problem);
    return rows;
  }

  PlanSheet sheet() {
    return sheet;
  }

  List<Row> rows() {
    return rows;
  }

  void add(Row row) {
    rows.add(row);
  }

  List<ImportProblem> problems() {
    return problems;
  }

  boolean ok() {
    return problems.isEmpty();
  }

  /** A problem with one cell. */
  void problem(Row row, String header, String reason) {
    problems.add(new ImportProblem(row.number(), column(header), reason));
  }

  /** A problem with a header (row 1). */
  void headerProblem(int index, String header, String reason) {
    problems.add(new ImportProblem(1, index < 0 ? "" : CellReference.convertNumToColString(index)
        + (header == null ? "" : "（" + header + "）"), reason));
  }

  void fileProblem(String reason) {
    problems.add(ImportProblem.ofFile(reason));
  }

  /** Checks the required cells of a row; true when all are filled. */
  boolean requireFilled(Row row) {
    boolean ok = true;
    for (PlanSheet.Column c : sheet.columns()) {
      if (c.required() && row.blank(c.header())) {
        problem(row, c.header(), "必填项为空");
        ok = false;
      }
    }
    return ok;
  }

  /** Checks a cell's length; true when within {@code max} characters. */
  boolean maxLength(Row row, String header, int max) {
    if (row.get(header).length() > max) {
      problem(row, header, "内容过长（最多 " + max + " 个字）");
      return false;
    }
    return true;
  }

  /** Tracks a key that must be unique in the file; reports a repeat with the row it repeats. */
  static final class Unique {
    private final Map<String, Integer> seen = new HashMap<>();

    boolean firstTime(SheetRows rows, Row row, String header, String key, String what) {
      Integer earlier = seen.putIfAbsent(key, row.number());
      if (earlier != null) {
        rows.problem(row, header, what + "与第 " + earlier + " 行重复");
        return false;
      }
      return true;
    }
  }

  private String column(String header) {
    Integer i = columnIndex.get(header);
    return i == null ? header : CellReference.convertNumToColString(i) + "（" + header + "）";
  }

  static Set<String> set() {
    return new HashSet<>();
  }
}
