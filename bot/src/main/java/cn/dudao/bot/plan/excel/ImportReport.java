package cn.dudao.bot.plan.excel;

import java.util.List;

/**
 * How an import ended. Applied: every row was written ({@code created} new, {@code updated} changed,
 * {@code unchanged} already so). Otherwise nothing was written and {@code problems} says why.
 */
public record ImportReport(PlanSheet sheet, boolean applied, int rows, int created, int updated, int unchanged,
                           List<ImportProblem> problems) {

  public ImportReport {
    problems = List.copyOf(problems);
  }

  static ImportReport rejected(PlanSheet sheet, int rows, List<ImportProblem> problems) {
    return new ImportReport(sheet, false, rows, 0, 0, 0, problems);
  }

  /** One line for the audit trail and the console. */
  public String summary() {
    return applied
        ? sheet.title() + "导入成功：共 " + rows + " 行，新增 " + created + "，更新 " + updated + "，未变 " + unchanged
        : sheet.title() + "导入未执行：发现 " + problems.size() + " 处问题，未写入任何数据";
  }
}
