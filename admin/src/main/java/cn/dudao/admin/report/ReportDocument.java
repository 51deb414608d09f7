package cn.dudao.admin.report;

import cn.dudao.admin.dashboard.Progress;
import cn.dudao.admin.problems.EvidencePhotos;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Component;

/**
 * 督导报告.docx: the title, then the five parts as 一、… 五、 headings with their (edited) text, and
 * the figures as tables: progress after part one, results per category after part two, good-practice
 * photos after part three, problems per category after part four.
 */
@Component
class ReportDocument {

  static final String FONT = "仿宋";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final EvidencePhotos photos;

  ReportDocument(EvidencePhotos photos) {
    this.photos = photos;
  }

  void write(ReportFacts facts, List<String> parts, LocalDate today, OutputStream out) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      XWPFParagraph title = doc.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      run(title, title(facts.plan().getName()), 18, true);
      XWPFParagraph date = doc.createParagraph();
      date.setAlignment(ParagraphAlignment.CENTER);
      run(date, DAY.format(today), 12, false);
      for (int i = 0; i < parts.size(); i++) {
        XWPFParagraph heading = doc.createParagraph();
        run(heading, ReportDraft.NUMERALS.get(i) + "、" + ReportDraft.TITLES.get(i), 16, true);
        for (String line : parts.get(i).split("\\R")) {
          if (!line.isBlank()) {
            XWPFParagraph p = doc.createParagraph();
            p.setFirstLineIndent(640);
            run(p, line.strip(), 14, false);
          }
        }
        switch (i) {
          case 0 -> progressTable(doc, facts);
          case 1 -> resultsTable(doc, facts);
          case 2 -> practicePhotos(doc, facts);
          case 3 -> problemsTable(doc, facts);
          default -> { }
        }
      }
      doc.write(out);
    }
  }

  /** 右玉县…专项督导 → 右玉县…专项督导报告; any other name gets 督导报告. */
  static String title(String planName) {
    return planName + (planName.endsWith("督导") ? "报告" : "督导报告");
  }

  private static void progressTable(XWPFDocument doc, ReportFacts facts) {
    XWPFTable table = table(doc, List.of("督导组", "组长", "乡镇督导完成", "村级核查完成"));
    for (Progress.Team team : facts.teams()) {
      row(table, List.of(team.name(), team.leader() == null ? "" : team.leader(),
          team.areasDone() + "/" + team.areas().size(), team.villagesDone() + "/" + team.villages()));
    }
  }

  private static void resultsTable(XWPFDocument doc, ReportFacts facts) {
    XWPFTable table = table(doc, List.of("类别", "达标", "基本达标", "不达标"));
    for (Map.Entry<String, long[]> category : facts.areaResults().entrySet()) {
      long[] r = category.getValue();
      row(table, List.of(category.getKey(), Long.toString(r[0]), Long.toString(r[1]), Long.toString(r[2])));
    }
  }

  private void practicePhotos(XWPFDocument doc, ReportFacts facts) throws IOException {
    for (ReportFacts.GoodPractice practice : facts.goodPractices()) {
      for (String id : practice.photoIds()) {
        Optional<EvidencePhotos.Photo> photo = photos.thumbnail(id);
        if (photo.isPresent()) {
          XWPFParagraph p = doc.createParagraph();
          p.setAlignment(ParagraphAlignment.CENTER);
          try {
            p.createRun().addPicture(new ByteArrayInputStream(photo.get().bytes()),
                photo.get().png() ? PictureType.PNG : PictureType.JPEG, id, Units.toEMU(160), Units.toEMU(120));
          } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException("photo " + id + " cannot be embedded", e);
          }
          run(doc.createParagraph(), "图：" + practice.title(), 10, false);
        }
      }
    }
  }

  private static void problemsTable(XWPFDocument doc, ReportFacts facts) {
    if (facts.problemCounts().isEmpty()) {
      return;
    }
    XWPFTable table = table(doc, List.of("类别", "问题数"));
    facts.problemCounts().forEach((category, n) -> row(table, List.of(category, Long.toString(n))));
    row(table, List.of("合计", Long.toString(facts.problems())));
  }

  private static XWPFTable table(XWPFDocument doc, List<String> headers) {
    XWPFTable table = doc.createTable(1, headers.size());
    table.setWidth("100%");
    XWPFTableRow header = table.getRow(0);
    for (int c = 0; c < headers.size(); c++) {
      XWPFParagraph p = header.getCell(c).getParagraphs().get(0);
      run(p, headers.get(c), 12, true);
    }
    return table;
  }

  private static void row(XWPFTable table, List<String> values) {
    XWPFTableRow row = table.createRow();
    for (int c = 0; c < values.size(); c++) {
      run(row.getCell(c).getParagraphs().get(0), values.get(c), 12, false);
    }
  }

  private static void run(XWPFParagraph paragraph, String text, int size, boolean bold) {
    XWPFRun run = paragraph.createRun();
    run.setText(text);
    run.setFontFamily(FONT);
    run.setFontSize(size);
    run.setBold(bold);
  }
}
