package cn.dudao.bot.plan.excel;

import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.Target;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

/**
 * Writes the lists as workbooks: an empty template (header row, text-formatted columns, and a sheet
 * of instructions) and an export of a plan's data in the same layout, which imports back unchanged.
 * Exports stream (SXSSF), so a county's whole household list is written in bounded memory.
 */
@Service
public class PlanWorkbooks {

  private static final String INSTRUCTIONS = "填写说明";

  private final PlanRows rows;
  private final Access access;

  PlanWorkbooks(PlanRows rows, Access access) {
    this.rows = rows;
    this.access = access;
  }

  /** The empty template of {@code sheet}. Anyone may download templates: they hold no data. */
  public void template(PlanSheet sheet, OutputStream out) throws IOException {
    write(sheet, List.of(), true, out);
  }

  /** The plan's current list as {@code sheet}: county office and viewers only. */
  public void export(Actor actor, long planId, PlanSheet sheet, OutputStream out) throws IOException {
    access.require(actor, Access.Action.VIEW, Target.planData(planId));
    write(sheet, rows.of(planId, sheet), false, out);
  }

  /** The file name of a template or an export. */
  public static String fileName(PlanSheet sheet, boolean template) {
    return sheet.title() + (template ? "模板" : "") + ".xlsx";
  }

  private static void write(PlanSheet sheet, List<List<String>> data, boolean template, OutputStream out)
      throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
      CellStyle header = headerStyle(workbook);
      CellStyle text = workbook.createCellStyle();
      text.setDataFormat(workbook.createDataFormat().getFormat("@"));
      Sheet s = workbook.createSheet(sheet.title());
      Row head = s.createRow(0);
      for (int i = 0; i < sheet.columns().size(); i++) {
        PlanSheet.Column c = sheet.columns().get(i);
        head.createCell(i).setCellValue(c.header());
        head.getCell(i).setCellStyle(header);
        s.setColumnWidth(i, c.width() * 256 * 2);
        // Text format keeps 18-digit ID numbers and leading zeros as typed.
        s.setDefaultColumnStyle(i, text);
      }
      s.createFreezePane(0, 1);
      int r = 1;
      for (List<String> values : data) {
        Row row = s.createRow(r++);
        for (int i = 0; i < values.size(); i++) {
          if (values.get(i) != null && !values.get(i).isEmpty()) {
            row.createCell(i).setCellValue(values.get(i));
            row.getCell(i).setCellStyle(text);
          }
        }
      }
      if (template) {
        instructions(workbook, sheet, header);
      }
      workbook.write(out);
      workbook.dispose();
    }
  }

  private static void instructions(Workbook workbook, PlanSheet sheet, CellStyle header) {
    Sheet s = workbook.createSheet(INSTRUCTIONS);
    String[] titles = {"列名", "是否必填", "说明", "示例"};
    Row head = s.createRow(0);
    for (int i = 0; i < titles.length; i++) {
      head.createCell(i).setCellValue(titles[i]);
      head.getCell(i).setCellStyle(header);
    }
    for (int i = 0; i < sheet.columns().size(); i++) {
      PlanSheet.Column c = sheet.columns().get(i);
      Row row = s.createRow(i + 1);
      row.createCell(0).setCellValue(c.header());
      row.createCell(1).setCellValue(c.required() ? "必填" : "选填");
      row.createCell(2).setCellValue(c.note());
      row.createCell(3).setCellValue(sheet.example().get(i));
    }
    Row note = s.createRow(sheet.columns().size() + 2);
    note.createCell(0).setCellValue("请在第一个工作表“" + sheet.title() + "”中从第 2 行起填写，不要修改表头。"
        + "导入时先检查全部行，任何一行有问题则整个文件都不导入，并列出问题所在的行、列和原因。");
    s.setColumnWidth(0, 14 * 256 * 2);
    s.setColumnWidth(2, 40 * 256 * 2);
    s.setColumnWidth(3, 18 * 256 * 2);
  }

  private static CellStyle headerStyle(Workbook workbook) {
    CellStyle style = workbook.createCellStyle();
    Font bold = workbook.createFont();
    bold.setBold(true);
    style.setFont(bold);
    style.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    style.setBorderBottom(BorderStyle.THIN);
    return style;
  }
}
