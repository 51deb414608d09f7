package cn.dudao.admin.report;

import cn.dudao.admin.dashboard.Progress;
import cn.dudao.admin.indicators.Indicators;
import cn.dudao.admin.problems.ProblemRow;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.stereotype.Component;

/** Writes the five parts from the facts, in the words a county office would use; editable afterwards. */
@Component
class ReportDraft {

  static final List<String> TITLES = List.of("督导工作开展情况", "巩固拓展脱贫攻坚成果情况", "典型经验",
      "存在的主要问题及困难", "意见及建议");
  static final List<String> NUMERALS = List.of("一", "二", "三", "四", "五", "六", "七", "八", "九", "十");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final Map<String, String> ADVICE = Map.of(
      "责任落实", "进一步压实各级各部门巩固拓展脱贫攻坚成果主体责任，健全领导体系，严格驻村帮扶工作制度和纪律，坚决纠治形式主义、官僚主义。",
      "巩固成果", "持续巩固“三保障”和饮水安全成果，做好收支测算和群众认账工作，提升群众认可度。",
      "工作落实", "完善防止返贫动态监测和帮扶机制，及时录入、动态清零，加强扶贫项目资产监管和人居环境整治。",
      "政策落实", "聚焦教育、医疗、住房、饮水、就业、产业等政策，逐户核实应享尽享情况，防止政策悬空。",
      Indicators.SELF_CHECK, "行业部门对照自查表逐村逐项核实，盖章确认达标情况，对不达标项目限期整改。");

  List<String> parts(ReportFacts facts, LocalDate today) {
    return List.of(work(facts, today), results(facts), practices(facts), problems(facts), advice(facts));
  }

  private static String work(ReportFacts f, LocalDate today) {
    StringBuilder text = new StringBuilder();
    text.append("按照《").append(f.plan().getName()).append("工作方案》安排，").append(f.teams().size())
        .append("个督导组于").append(DAY.format(f.plan().getFieldStart())).append("至").append(DAY.format(f.plan().getFieldEnd()))
        .append("对").append(f.areas()).append("个乡镇（区）开展实地督导，采取查阅资料、干部访谈、入户走访、项目核查、受理举报等方式进行。\n");
    text.append("截至").append(DAY.format(today)).append("，完成乡镇督导").append(f.areasDone()).append("个（共")
        .append(f.areas()).append("个），完成村级核查").append(f.villagesDone()).append("个行政村（共").append(f.villages())
        .append("个），入户走访").append(f.households()).append("户，形成签字确认的核查记录").append(f.signed()).append("份。\n");
    for (Progress.Team team : f.teams()) {
      text.append(team.name()).append(team.leader() == null ? "" : "（组长" + team.leader() + "）").append("：完成乡镇督导")
          .append(team.areasDone()).append("/").append(team.areas().size()).append("个，村级核查")
          .append(team.villagesDone()).append("/").append(team.villages()).append("个行政村。\n");
    }
    return text.toString().strip();
  }

  private static String results(ReportFacts f) {
    StringBuilder text = new StringBuilder("对照督导指标（26项）逐项评定：\n");
    boolean any = false;
    for (Map.Entry<String, long[]> category : f.areaResults().entrySet()) {
      long[] r = category.getValue();
      if (r[0] + r[1] + r[2] > 0) {
        any = true;
        text.append(category.getKey()).append("方面评定").append(r[0] + r[1] + r[2]).append("项次，其中达标").append(r[0])
            .append("项次、基本达标").append(r[1]).append("项次、不达标").append(r[2]).append("项次。\n");
      }
    }
    if (!any) {
      text.append("暂无签字确认的乡镇督导结果。\n");
    }
    long checked = f.villageResults()[0] + f.villageResults()[1];
    if (checked > 0) {
      text.append("行政村自查项目（12项）共核查").append(checked).append("项次，达标").append(f.villageResults()[0])
          .append("项次，达标率").append(Progress.percent(f.villageResults()[0], checked)).append("%。");
    } else {
      text.append("暂无签字确认的村级核查结果。");
    }
    return text.toString().strip();
  }

  private static String practices(ReportFacts f) {
    if (f.goodPractices().isEmpty()) {
      return "督导期间暂未收集到典型经验。";
    }
    StringJoiner text = new StringJoiner("\n");
    int n = 0;
    for (ReportFacts.GoodPractice p : f.goodPractices()) {
      text.add("（" + NUMERALS.get(Math.min(n++, NUMERALS.size() - 1)) + "）" + p.title() + "（" + p.area() + "，"
          + p.inspector() + "）");
      text.add("主要做法：" + p.practice());
      text.add("取得成效：" + p.effect());
    }
    return text.toString();
  }

  private static String problems(ReportFacts f) {
    if (f.problems() == 0) {
      return "督导期间未发现问题。";
    }
    StringJoiner counts = new StringJoiner("，");
    f.problemCounts().forEach((category, n) -> counts.add(category + n + "个"));
    StringJoiner text = new StringJoiner("\n");
    text.add("督导共发现问题" + f.problems() + "个，其中" + counts + "。主要问题如下：");
    int n = 0;
    for (Map.Entry<String, List<ProblemRow>> category : f.problemSamples().entrySet()) {
      long total = f.problemCounts().get(category.getKey());
      text.add("（" + NUMERALS.get(Math.min(n++, NUMERALS.size() - 1)) + "）" + category.getKey() + "方面（" + total + "个）");
      int i = 1;
      for (ProblemRow row : category.getValue()) {
        text.add(i++ + ". " + row.place() + "：" + row.indicatorName() + "——" + row.description() + "（督导人员："
            + row.inspectorName() + "）");
      }
      if (total > category.getValue().size()) {
        text.add("……等" + total + "个问题，详见问题清单。");
      }
    }
    return text.toString();
  }

  private static String advice(ReportFacts f) {
    StringJoiner text = new StringJoiner("\n");
    int n = 1;
    text.add(n++ + ". 压实整改责任。对照问题清单逐项明确责任单位、整改措施和整改时限，整改完成后由发现问题的督导人员复核销号，"
        + "做到“谁督导、谁签字、谁负责”，确保问题彻底清零。");
    for (String category : f.problemCounts().keySet()) {
      if (ADVICE.containsKey(category)) {
        text.add(n++ + ". " + category + "方面：" + ADVICE.get(category));
      }
    }
    text.add(n + ". 总结推广典型经验，在全县范围内推广一批能借鉴、可复制、管长远的创新做法和机制体制。");
    return text.toString();
  }
}
