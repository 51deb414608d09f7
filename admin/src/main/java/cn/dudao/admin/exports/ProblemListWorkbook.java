package cn.dudao.admin.exports;

import cn.dudao.admin.console.ConsoleTimes;
import cn.dudao.admin.problems.EvidencePhotos;
import cn.dudao.admin.problems.ProblemRow;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * 问题清单.xlsx: one row per problem, streamed through SXSSF so memory stays bounded whatever the row
 * count (only {@link #WINDOW} rows live in memory; the rest is flushed to a temporary file).
 * Up to {@link #PHOTO_COLUMNS} evidence thumbnails are embedded per row (their bytes stay in memory
 * until the file is written: thumbnails are small), and each row links back to the problem's page in
 * the console.
 */
@Component
public class ProblemListWorkbook {

  static final int WINDOW = 100;
  static final int PHOTO_COLUMNS = 3;
  public static final int HEADER_ROW = 2;
  static final List<String> HEADERS = List.of("序号", "问题编号", "类别", "指标", "督导组", "乡镇", "行政村", "对象",
      "督查结果", "问题描述", "督导人员", "发现时间", "整改状态", "预警颜色", "责任单位", "整改期限", "照片1", "照片2",
      "照片3", "控制台链接");
  static final int FIRST_PHOTO_COLUMN = HEADERS.indexOf("照片1");
  static final int LINK_COLUMN = HEADERS.indexOf("控制台链接");

  /** Feeds rows to the workbook, e.g. {@code sink -> problems.forEach(filter, scope, sink)}. */
  @FunctionalInterface
  public interface RowFeed {
    void each(Consumer<ProblemRow> sink);
  }

  private final EvidencePhotos photos;

  public ProblemListWorkbook(EvidencePhotos photos) {
    this.photos = photos;
  }

  /** Writes the workbook and returns the number of problem rows. */
  public long write(String title, String exportedBy, String consoleUrl, RowFeed feed, OutputStream out)
      throws IOException {
    SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    // Uncompressed temp files: gzip doubled the time of a 100,000-row export (deploy/EXPORTS.md).
    workbook.setCompressTempFiles(false);
    try {
      Sheets styles = new Sheets(workbook);
      SXSSFSheet sheet = workbook.createSheet("问题清单");
      int[] widths = {6, 10, 10, 24, 8, 12, 14, 12, 10, 40, 10, 17, 10, 9, 14, 11, 12, 12, 12, 36};
      for (int c = 0; c < widths.length; c++) {
        sheet.setColumnWidth(c, widths[c] * 256);
      }
      Row titleRow = sheet.createRow(0);
      titleRow.setHeightInPoints(28);
      Sheets.put(titleRow, 0, title, styles.title);
      Sheets.merge(sheet, 0, 0, 0, HEADERS.size() - 1, false);
      Sheets.put(sheet.createRow(1), 0, "导出人：" + exportedBy + "　导出时间：" + ConsoleTimes.minutes(Instant.now()),
          styles.plain);
      Sheets.merge(sheet, 1, 1, 0, HEADERS.size() - 1, false);
      Row header = sheet.createRow(HEADER_ROW);
      for (int c = 0; c < HEADERS.size(); c++) {
        Sheets.put(header, c, HEADERS.get(c), styles.header);
      }
      sheet.createFreezePane(0, HEADER_ROW + 1);
      Drawing<?> drawing = sheet.createDrawingPatriarch();
      long[] count = {0};
      feed.each(problem -> {
        int rowIndex = HEADER_ROW + 1 + (int) count[0]++;
        Row row = sheet.createRow(rowIndex);
        String[] values = {Long.toString(count[0]), problem.number(), problem.category(), problem.indicatorName(),
            problem.teamName(), problem.areaName(), problem.villageName(), problem.object(), problem.result(),
            problem.wording(), problem.inspectorName(), ConsoleTimes.minutes(problem.recordedAt()),
            problem.status(), problem.colour(), problem.unitName(),
            problem.deadline() == null ? null : problem.deadline().toString()};
        for (int c = 0; c < values.length; c++) {
          Sheets.put(row, c, values[c], styles.text);
        }
        int embedded = embedPhotos(workbook, drawing, row, problem, styles);
        if (embedded > 0) {
          row.setHeightInPoints(64);
        }
        // A HYPERLINK formula, not a Hyperlink object: SXSSF keeps those (and their relationships) in
        // memory for the whole sheet, about 4 KB per row; a formula streams out with its row.
        String url = consoleUrl + "/problems/" + problem.id();
        Cell link = row.createCell(LINK_COLUMN);
        link.setCellFormula("HYPERLINK(\"" + url.replace("\"", "") + "\",\"" + url.replace("\"", "") + "\")");
        link.setCellValue(url);
        link.setCellStyle(styles.link);
      });
      workbook.write(out);
      return count[0];
    } finally {
      workbook.dispose();
      workbook.close();
    }
  }

  private int embedPhotos(SXSSFWorkbook workbook, Drawing<?> drawing, Row row, ProblemRow problem, Sheets styles) {
    int column = FIRST_PHOTO_COLUMN;
    int embedded = 0;
    for (String evidenceId : problem.evidenceIds()) {
      if (column >= FIRST_PHOTO_COLUMN + PHOTO_COLUMNS) {
        break;
      }
      Optional<EvidencePhotos.Photo> thumb = photos.thumbnail(evidenceId);
      if (thumb.isEmpty()) {
        continue;
      }
      int picture = workbook.addPicture(thumb.get().bytes(),
          thumb.get().png() ? Workbook.PICTURE_TYPE_PNG : Workbook.PICTURE_TYPE_JPEG);
      ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
      anchor.setCol1(column);
      anchor.setRow1(row.getRowNum());
      anchor.setCol2(column + 1);
      anchor.setRow2(row.getRowNum() + 1);
      anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
      drawing.createPicture(anchor, picture);
      column++;
      embedded++;
    }
    for (int c = FIRST_PHOTO_COLUMN; c < FIRST_PHOTO_COLUMN + PHOTO_COLUMNS; c++) {
      if (row.getCell(c) == null) {
        Sheets.put(row, c, "", styles.text);
      }
    }
    return embedded;
  }
}
