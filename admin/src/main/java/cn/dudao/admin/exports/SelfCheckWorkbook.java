package cn.dudao.admin.exports;

import cn.dudao.admin.console.ConsoleTimes;
import cn.dudao.admin.indicators.Indicators;
import cn.dudao.bot.conversation.FlowCatalog;
import cn.dudao.bot.plan.Plan;
import cn.dudao.flows.definition.Flow;
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
 * 自查表.xlsx for one village in the layout of 附件3: twelve items in three rows of four, each with the
 * seed's wording, its result from the village's signed village check, and its sign-off (签章): the
 * inspector who signed and when (谁督导、谁签字、谁负责).
 */
@Component
public class SelfCheckWorkbook {

  static final int COLUMNS = 4;
  static final int FIRST_BLOCK_ROW = 2;
  /** Each row of items takes three sheet rows: 项目, 督查结果, 签章. */
  static final int BLOCK_HEIGHT = 3;

  private final Indicators indicators;
  private final FlowCatalog flows;
  private final SignedAnswers signed;

  SelfCheckWorkbook(Indicators indicators, FlowCatalog flows, SignedAnswers signed) {
    this.indicators = indicators;
    this.flows = flows;
    this.signed = signed;
  }

  public void write(Plan plan, String areaName, long villageId, String villageName, OutputStream out)
      throws IOException {
    Optional<SignedAnswers.Signed> check = signed.ofVillage(plan.getId(), Indicators.VILLAGE_CHECK, villageId);
    Flow flow = flows.get(Indicators.VILLAGE_CHECK);
    List<Indicators.SelfCheckItem> items = indicators.villageItems();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheets styles = new Sheets(workbook);
      Sheet sheet = workbook.createSheet("自查表");
      for (int c = 0; c < COLUMNS; c++) {
        sheet.setColumnWidth(c, 34 * 256);
      }
      sheet.getPrintSetup().setLandscape(true);
      sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
      Row title = sheet.createRow(0);
      title.setHeightInPoints(30);
      Sheets.put(title, 0, plan.getCounty() + plan.getYear() + "年度巩固脱贫攻坚成效行业部门自查表", styles.title);
      Sheets.merge(sheet, 0, 0, 0, COLUMNS - 1, false);
      Sheets.put(sheet.createRow(1), 0, "乡（镇）　" + areaName + "　　　　　　村　" + villageName, styles.plain);
      Sheets.merge(sheet, 1, 1, 0, COLUMNS - 1, false);
      int blocks = (items.size() + COLUMNS - 1) / COLUMNS;
      for (int b = 0; b < blocks; b++) {
        int top = FIRST_BLOCK_ROW + b * BLOCK_HEIGHT;
        Row criteria = sheet.createRow(top);
        criteria.setHeightInPoints(75);
        Row results = sheet.createRow(top + 1);
        results.setHeightInPoints(45);
        Row seals = sheet.createRow(top + 2);
        seals.setHeightInPoints(30);
        for (int c = 0; c < COLUMNS; c++) {
          int index = b * COLUMNS + c;
          Indicators.SelfCheckItem item = index < items.size() ? items.get(index) : null;
          Sheets.put(criteria, c, item == null ? "" : item.criterion(), styles.text);
          Sheets.put(results, c, item == null ? "" : "督查结果：" + check.map(s -> IndicatorWorkbook.result(flow, s,
              item.key())).orElse(""), styles.text);
          Sheets.put(seals, c, item == null ? "" : "签章：" + check.map(SelfCheckWorkbook::seal).orElse(""), styles.text);
        }
      }
      int last = FIRST_BLOCK_ROW + blocks * BLOCK_HEIGHT;
      Sheets.put(sheet.createRow(last), 0, check.map(s -> "督导人员签字确认：" + seal(s) + "（谁督导、谁签字、谁负责）")
          .orElse("该村尚无签字确认的村级核查，督查结果暂空。"), styles.plain);
      Sheets.merge(sheet, last, last, 0, COLUMNS - 1, false);
      workbook.write(out);
    }
  }

  /** 吕利平 2021-10-26 10:00. */
  static String seal(SignedAnswers.Signed check) {
    return check.inspector() + " " + ConsoleTimes.minutes(check.at());
  }
}
