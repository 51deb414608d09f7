package cn.dudao.bot.plan.excel;

/**
 * One thing wrong with an uploaded file. {@code row} is the Excel row number (1 is the header row, 0
 * means the file as a whole); {@code column} names the column as letter and header, e.g. {@code C（姓名）},
 * or is empty for the whole row or file.
 */
public record ImportProblem(int row, String column, String reason) {

  public static ImportProblem ofFile(String reason) {
    return new ImportProblem(0, "", reason);
  }

  /** The row as shown to the user: its number, or — for the file as a whole. */
  public String rowLabel() {
    return row == 0 ? "—" : Integer.toString(row);
  }

  /** The column as shown to the user, or — for the whole row or file. */
  public String columnLabel() {
    return column == null || column.isEmpty() ? "—" : column;
  }
}
