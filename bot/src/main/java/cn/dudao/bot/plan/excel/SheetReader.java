package cn.dudao.bot.plan.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an uploaded workbook into {@link SheetRows}: refuses what is not an .xlsx (an old .xls, a
 * renamed file), what is too large or has too many rows, and a header row that is not the template's.
 * Cells are read as the user sees them; a numeric cell where text is expected is flagged (Excel turns
 * an 18-digit number into 1.42422E+17 and loses its last digits).
 */
final class SheetReader {

  private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

  private final ImportProperties limits;

  SheetReader(ImportProperties limits) {
    this.limits = limits;
  }

  SheetRows read(PlanSheet sheet, byte[] file) {
    if (file == null || file.length == 0) {
      return SheetRows.failed(sheet, ImportProblem.ofFile("文件为空"));
    }
    if (file.length > limits.maxFileSize().toBytes()) {
      return SheetRows.failed(sheet, ImportProblem.ofFile("文件过大（" + file.length / 1024 + " KB），最大允许 "
          + limits.maxFileSize().toKilobytes() + " KB"));
    }
    if (startsWith(file, OLE2)) {
      return SheetRows.failed(sheet, ImportProblem.ofFile("这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入"));
    }
    if (!startsWith(file, ZIP)) {
      return SheetRows.failed(sheet, ImportProblem.ofFile("不是 Excel 文件（.xlsx），请下载模板填写后上传"));
    }
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      if (workbook.getNumberOfSheets() == 0) {
        return SheetRows.failed(sheet, ImportProblem.ofFile("文件中没有工作表"));
      }
      return read(sheet, workbook.getSheetAt(0), workbook.getCreationHelper().createFormulaEvaluator());
    } catch (IOException | RuntimeException e) {
      // POI throws a variety of runtime exceptions for damaged or disguised files.
      return SheetRows.failed(sheet, ImportProblem.ofFile("无法读取文件，文件可能已损坏或不是 .xlsx 格式"));
    }
  }

  private SheetRows read(PlanSheet spec, Sheet sheet, FormulaEvaluator evaluator) {
    DataFormatter formatter = new DataFormatter();
    Row header = sheet.getRow(sheet.getFirstRowNum());
    if (header == null || sheet.getPhysicalNumberOfRows() == 0) {
      return SheetRows.failed(spec, new ImportProblem(1, "", "缺少表头，请使用模板"));
    }
    Map<Integer, String> headers = new HashMap<>();
    Map<String, Integer> index = new HashMap<>();
    SheetRows rows = new SheetRows(spec, Map.of());
    Set<String> known = new HashSet<>();
    spec.columns().forEach(c -> known.add(c.header()));
    for (Cell cell : header) {
      String name = formatter.formatCellValue(cell).strip();
      if (name.isEmpty()) {
        continue;
      }
      if (!known.contains(name)) {
        rows.headerProblem(cell.getColumnIndex(), name, "无法识别的列“" + name + "”，请使用模板的表头");
      } else if (index.putIfAbsent(name, cell.getColumnIndex()) != null) {
        rows.headerProblem(cell.getColumnIndex(), name, "列“" + name + "”重复");
      } else {
        headers.put(cell.getColumnIndex(), name);
      }
    }
    for (PlanSheet.Column c : spec.columns()) {
      if (c.required() && !index.containsKey(c.header())) {
        rows.headerProblem(-1, null, "缺少必填列“" + c.header() + "”");
      }
    }
    if (!rows.ok()) {
      return rows;
    }
    SheetRows data = new SheetRows(spec, index);
    int last = sheet.getLastRowNum();
    if (last - header.getRowNum() > limits.maxRows()) {
      data.fileProblem("数据行过多（" + (last - header.getRowNum()) + " 行），单个文件最多 " + limits.maxRows() + " 行");
      return data;
    }
    for (int r = header.getRowNum() + 1; r <= last; r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      Map<String, String> cells = new HashMap<>();
      Set<String> numeric = new HashSet<>();
      headers.forEach((col, name) -> {
        Cell cell = row.getCell(col);
        if (cell == null) {
          return;
        }
        String value = formatter.formatCellValue(cell, evaluator).strip().replace('\u3000', ' ').strip();
        if (!value.isEmpty()) {
          cells.put(name, value);
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
          numeric.add(name);
        }
      });
      if (!cells.isEmpty()) {
        data.add(new SheetRows.Row(r + 1, cells, numeric));
      }
    }
    if (data.rows().isEmpty()) {
      data.fileProblem("文件中没有数据行");
    }
    return data;
  }

  private static boolean startsWith(byte[] file, byte[] magic) {
    if (file.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (file[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
