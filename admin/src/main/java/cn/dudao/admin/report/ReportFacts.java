package cn.dudao.admin.report;

import cn.dudao.admin.dashboard.Progress;
import cn.dudao.admin.problems.ProblemRow;
import cn.dudao.bot.plan.Plan;
import java.util.List;
import java.util.Map;

/**
 * What the report is written from, gathered once: progress, the area checks' results per category,
 * the village checks' results, good practices, and the problems per category (the first few of each).
 *
 * @param areaResults category → {达标, 基本达标, 不达标} counts over the signed area checks
 * @param villageResults {达标, 不达标} counts over the signed village checks
 * @param problemCounts category → number of problems
 * @param problemSamples category → the first problems of that category, in the list's order
 */
record ReportFacts(Plan plan, List<Progress.Team> teams, long households, long signed,
                   Map<String, long[]> areaResults, long[] villageResults, List<GoodPractice> goodPractices,
                   Map<String, Long> problemCounts, Map<String, List<ProblemRow>> problemSamples) {

  /** One good practice from a signed good-practice inspection. */
  record GoodPractice(String title, String area, String inspector, String practice, String effect,
                      List<String> photoIds) {}

  long areas() {
    return teams.stream().mapToLong(t -> t.areas().size()).sum();
  }

  long areasDone() {
    return teams.stream().mapToLong(Progress.Team::areasDone).sum();
  }

  long villages() {
    return teams.stream().mapToLong(Progress.Team::villages).sum();
  }

  long villagesDone() {
    return teams.stream().mapToLong(Progress.Team::villagesDone).sum();
  }

  long problems() {
    return problemCounts.values().stream().mapToLong(Long::longValue).sum();
  }
}
