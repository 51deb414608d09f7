package cn.dudao.admin.exports;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.RegionUtil;

/** The few cell styles the exports share (宋体-like defaults, thin borders, wrapped text) and small helpers. */
final class Sheets {

  final CellStyle title;
  final CellStyle header;
  final CellStyle text;
  final CellStyle centered;
  final CellStyle plain;
  final CellStyle link;

  Sheets(Workbook workbook) {
    Font bold = workbook.createFont();
    bold.setBold(true);
    bold.setFontHeightInPoints((short) 11);
    Font big = workbook.createFont();
    big.setBold(true);
    big.setFontHeightInPoints((short) 16);
    Font blue = workbook.createFont();
    blue.setUnderline(Font.U_SINGLE);
    blue.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
    title = workbook.createCellStyle();
    title.setFont(big);
    title.setAlignment(HorizontalAlignment.CENTER);
    title.setVerticalAlignment(VerticalAlignment.CENTER);
    plain = workbook.createCellStyle();
    plain.setVerticalAlignment(VerticalAlignment.CENTER);
    header = bordered(workbook);
    header.setFont(bold);
    header.setAlignment(HorizontalAlignment.CENTER);
    text = bordered(workbook);
    centered = bordered(workbook);
    centered.setAlignment(HorizontalAlignment.CENTER);
    link = bordered(workbook);
    link.setFont(blue);
  }

  private static CellStyle bordered(Workbook workbook) {
    CellStyle style = workbook.createCellStyle();
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
    style.setWrapText(true);
    style.setVerticalAlignment(VerticalAlignment.CENTER);
    return style;
  }

  static Cell put(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value == null ? "" : value);
    cell.setCellStyle(style);
    return cell;
  }

  /** Merges a block and draws its border (a merged cell's border is the border of its corners). */
  static void merge(Sheet sheet, int firstRow, int lastRow, int firstColumn, int lastColumn, boolean border) {
    CellRangeAddress range = new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn);
    sheet.addMergedRegion(range);
    if (border) {
      RegionUtil.setBorderTop(BorderStyle.THIN, range, sheet);
      RegionUtil.setBorderBottom(BorderStyle.THIN, range, sheet);
      RegionUtil.setBorderLeft(BorderStyle.THIN, range, sheet);
      RegionUtil.setBorderRight(BorderStyle.THIN, range, sheet);
    }
  }
}
