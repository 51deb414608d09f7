package cn.dudao.admin.report;

import cn.dudao.admin.dashboard.DashboardFigures;
import cn.dudao.admin.exports.SignedAnswers;
import cn.dudao.admin.indicators.Indicators;
import cn.dudao.admin.problems.ProblemFilter;
import cn.dudao.admin.problems.ProblemRow;
import cn.dudao.admin.problems.ProblemSource;
import cn.dudao.admin.security.ConsoleScope;
import cn.dudao.bot.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Gathers {@link ReportFacts} for a plan, the county office's whole view. */
@Component
class ReportFactsReader {

  static final String GOOD_PRACTICE = "good-practice";
  static final String HOUSEHOLD_VISIT = "household-visit";
  /** Problems quoted per category in 存在的主要问题; the rest are counted and left to the problem list. */
  static final int SAMPLES = 5;
  private static final Set<String> MET = Set.of("达标");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
  private static final ConsoleScope ALL = new ConsoleScope(null, true, Set.of(), Set.of(), false);

  private final DashboardFigures figures;
  private final SignedAnswers signed;
  private final Indicators indicators;
  private final ProblemSource problems;

  ReportFactsReader(DashboardFigures figures, SignedAnswers signed, Indicators indicators, ProblemSource problems) {
    this.figures = figures;
    this.signed = signed;
    this.indicators = indicators;
    this.problems = problems;
  }

  ReportFacts read(Plan plan) {
    long planId = plan.getId();
    Map<String, Long> byFlow = figures.signedByFlow(planId, ALL);
    Map<String, long[]> areaResults = new LinkedHashMap<>();
    Indicators.AREA_CATEGORIES.forEach(c -> areaResults.put(c, new long[3]));
    for (SignedAnswers.Signed check : signed.all(planId, Indicators.AREA_CHECK)) {
      for (Indicators.Indicator indicator : indicators.areaIndicators()) {
        String answer = check.answer(indicator.key());
        int column = switch (answer) {
          case "达标" -> 0;
          case "基本达标" -> 1;
          case "不达标" -> 2;
          default -> -1;
        };
        if (column >= 0) {
          areaResults.get(indicator.category())[column]++;
        }
      }
    }
    long[] villageResults = new long[2];
    for (SignedAnswers.Signed check : signed.all(planId, Indicators.VILLAGE_CHECK)) {
      for (Indicators.SelfCheckItem item : indicators.villageItems()) {
        String answer = check.answer(item.key());
        if (!answer.isBlank()) {
          villageResults[MET.contains(answer) ? 0 : 1]++;
        }
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, List<ProblemRow>> samples = new LinkedHashMap<>();
    problems.forEach(ProblemFilter.all(planId), ALL, row -> {
      counts.merge(row.category(), 1L, Long::sum);
      List<ProblemRow> list = samples.computeIfAbsent(row.category(), c -> new ArrayList<>());
      if (list.size() < SAMPLES) {
        list.add(row);
      }
    });
    Map<String, Long> orderedCounts = new LinkedHashMap<>();
    Map<String, List<ProblemRow>> orderedSamples = new LinkedHashMap<>();
    indicators.categories().stream().filter(counts::containsKey).forEach(c -> {
      orderedCounts.put(c, counts.get(c));
      orderedSamples.put(c, samples.get(c));
    });
    return new ReportFacts(plan, figures.progress(planId, ALL), byFlow.getOrDefault(HOUSEHOLD_VISIT, 0L),
        byFlow.values().stream().mapToLong(Long::longValue).sum(), areaResults, villageResults,
        goodPractices(planId), orderedCounts, orderedSamples);
  }

  private List<ReportFacts.GoodPractice> goodPractices(long planId) {
    return signed.all(planId, GOOD_PRACTICE).stream().map(s -> new ReportFacts.GoodPractice(s.answer("title"),
        s.subject() == null ? "" : s.subject(), s.inspector(), s.answer("practice"), s.answer("effect"),
        ids(s.value("photos")))).toList();
  }

  /** Evidence ids out of a photo answer's stored JSON (a list of ids). */
  static List<String> ids(String json) {
    List<String> ids = new ArrayList<>();
    Matcher m = QUOTED.matcher(json == null ? "" : json);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }
}
