package cn.dudao.admin.exports;

import cn.dudao.admin.console.ConsoleTimes;
import cn.dudao.admin.indicators.Indicators;
import cn.dudao.bot.conversation.FlowCatalog;
import cn.dudao.bot.plan.Area;
import cn.dudao.bot.plan.Plan;
import cn.dudao.flows.definition.Flow;
import cn.dudao.flows.definition.Node;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * 督导指标表.xlsx for one area in the layout of 附件2: the four categories as merged cells, then 考核指标,
 * 考核内容 (the flow's criterion, i.e. the seed's words) and 督查结果 from the area's signed area check.
 */
@Component
public class IndicatorWorkbook {

  static final int FIRST_INDICATOR_ROW = 3;

  private final Indicators indicators;
  private final FlowCatalog flows;
  private final SignedAnswers signed;

  IndicatorWorkbook(Indicators indicators, FlowCatalog flows, SignedAnswers signed) {
    this.indicators = indicators;
    this.flows = flows;
    this.signed = signed;
  }

  public void write(Plan plan, Area area, String teamName, OutputStream out) throws IOException {
    Optional<SignedAnswers.Signed> check = signed.ofArea(plan.getId(), Indicators.AREA_CHECK, area.getId());
    Flow flow = flows.get(Indicators.AREA_CHECK);
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheets styles = new Sheets(workbook);
      Sheet sheet = workbook.createSheet("督导指标");
      sheet.setColumnWidth(0, 12 * 256);
      sheet.setColumnWidth(1, 18 * 256);
      sheet.setColumnWidth(2, 70 * 256);
      sheet.setColumnWidth(3, 30 * 256);
      sheet.getPrintSetup().setLandscape(true);
      sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
      Row title = sheet.createRow(0);
      title.setHeightInPoints(30);
      Sheets.put(title, 0, plan.getCounty() + "巩固拓展脱贫攻坚成果有效衔接乡村振兴督导指标("
          + indicators.areaIndicators().size() + "项)", styles.title);
      Sheets.merge(sheet, 0, 0, 0, 3, false);
      Sheets.put(sheet.createRow(1), 0, subtitle(area, teamName, check), styles.plain);
      Sheets.merge(sheet, 1, 1, 0, 3, false);
      Row header = sheet.createRow(2);
      Sheets.put(header, 0, "", styles.header);
      Sheets.put(header, 1, "考核指标", styles.header);
      Sheets.put(header, 2, "考核内容", styles.header);
      Sheets.put(header, 3, "督查结果", styles.header);
      int rowIndex = FIRST_INDICATOR_ROW;
      for (String category : Indicators.AREA_CATEGORIES) {
        List<Indicators.Indicator> inCategory = indicators.areaIndicators().stream()
            .filter(i -> i.category().equals(category)).toList();
        int first = rowIndex;
        for (Indicators.Indicator indicator : inCategory) {
          Row row = sheet.createRow(rowIndex++);
          Sheets.put(row, 0, rowIndex - 1 == first ? category + inCategory.size() + "项" : "", styles.centered);
          Sheets.put(row, 1, indicator.name(), styles.centered);
          Sheets.put(row, 2, indicator.criterion(), styles.text);
          Sheets.put(row, 3, check.map(c -> result(flow, c, indicator.key())).orElse(""), styles.text);
        }
        if (inCategory.size() > 1) {
          Sheets.merge(sheet, first, rowIndex - 1, 0, 0, true);
        }
      }
      workbook.write(out);
    }
  }

  private static String subtitle(Area area, String teamName, Optional<SignedAnswers.Signed> check) {
    String place = "乡镇：" + area.getName() + "　　督导组：" + (teamName == null ? "" : teamName);
    return check.map(c -> place + "　　督导人员（签字）：" + c.inspector() + "　　签字确认时间：" + ConsoleTimes.minutes(c.at()))
        .orElse(place + "　　（该乡镇尚无签字确认的乡镇督导，督查结果暂空）");
  }

  /** 达标 / 基本达标, or 不达标 with the inspector's description. */
  static String result(Flow flow, SignedAnswers.Signed check, String key) {
    String answer = check.answer(key);
    StringBuilder result = new StringBuilder(answer);
    for (Node note : flow.describedBy(key)) {
      String text = check.answer(note.key());
      if ("text".equals(note.type()) && !text.isBlank()) {
        result.append("：").append(text);
      }
    }
    return result.toString();
  }
}
