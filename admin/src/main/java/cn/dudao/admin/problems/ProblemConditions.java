package cn.dudao.admin.problems;

import cn.dudao.admin.indicators.Indicators;
import cn.dudao.admin.indicators.ProblemCategorySql;
import cn.dudao.admin.security.ConsoleScope;
import cn.dudao.bot.problem.ProblemColour;
import cn.dudao.bot.problem.ProblemStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The problem list's filters and the user's scope as SQL over {@code problems p} (and its finding
 * {@code f}), shared by the list, the export and the dashboard. Colours follow {@link ProblemColour}:
 * an open problem is red after its deadline, yellow on it, blue from three days before (days in
 * Asia/Shanghai). Merged problems are left out unless asked for by status.
 */
@Component
public class ProblemConditions {

  static final List<String> OPEN = Arrays.stream(ProblemStatus.values()).filter(ProblemStatus::open)
      .map(Enum::name).toList();

  private final Indicators indicators;

  ProblemConditions(Indicators indicators) {
    this.indicators = indicators;
  }

  /** The WHERE clause, or null when the scope lets nothing through. */
  String where(ProblemFilter filter, ConsoleScope scope, LocalDate today, Map<String, Object> params) {
    String cut = scope(scope, params);
    if (cut == null) {
      return null;
    }
    List<String> conditions = new ArrayList<>();
    conditions.add("p.plan_id = :plan");
    params.put("plan", filter.plan());
    equal(conditions, params, "p.team_id", "team", filter.team());
    equal(conditions, params, "p.area_id", "area", filter.area());
    equal(conditions, params, "p.village_id", "village", filter.village());
    equal(conditions, params, "p.indicator", "indicator", filter.indicatorOrNull());
    equal(conditions, params, "p.member_id", "inspector", filter.inspector());
    equal(conditions, params, "p.unit_id", "unit", filter.unit());
    if (filter.categoryOrNull() != null) {
      conditions.add(ProblemCategorySql.condition(indicators, filter.categoryOrNull(), params, "p.category",
          "p.indicator", "f.flow_id"));
    }
    ProblemStatus status = filter.statusOrNull();
    if (status != null) {
      conditions.add("p.status = :status");
      params.put("status", status.name());
    } else {
      conditions.add("p.status <> 'MERGED'");
    }
    ProblemColour colour = Boolean.TRUE.equals(filter.overdue()) ? ProblemColour.RED : filter.colourOrNull();
    if (colour != null) {
      conditions.add(colour(colour, today, params));
    }
    if (Boolean.TRUE.equals(filter.overdue()) && filter.colourOrNull() != null
        && filter.colourOrNull() != ProblemColour.RED) {
      conditions.add("1 = 0"); // overdue and another colour: nothing is both
    }
    return " WHERE " + String.join(" AND ", conditions) + cut;
  }

  /**
   * The scope as " AND …" ("" for everything in every plan), or null when nothing is visible. A
   * plan-bound user's cut always names his plan, so a problem looked up by id in another plan is not
   * found even for the county office's own unit's contact, who sees everything of his plan.
   */
  public String scope(ConsoleScope scope, Map<String, Object> params) {
    if (scope.empty()) {
      return null;
    }
    String plans = "";
    if (!scope.allPlans()) {
      plans = " AND p.plan_id IN (:scopePlans)";
      params.put("scopePlans", scope.planIds());
    }
    if (scope.everything()) {
      return plans;
    }
    List<String> any = new ArrayList<>();
    if (!scope.teamIds().isEmpty()) {
      any.add("p.team_id IN (:scopeTeams)");
      params.put("scopeTeams", scope.teamIds());
    }
    if (!scope.unitIds().isEmpty()) {
      any.add("p.unit_id IN (:scopeUnits)");
      params.put("scopeUnits", scope.unitIds());
    }
    return any.isEmpty() ? null : plans + " AND (" + String.join(" OR ", any) + ")";
  }

  /** The condition of an open problem having {@code colour} today. */
  public static String colour(ProblemColour colour, LocalDate today, Map<String, Object> params) {
    params.put("openStates", OPEN);
    params.put("today", today);
    String open = "p.status IN (:openStates) AND ";
    return switch (colour) {
      case RED -> "(" + open + "p.deadline < :today)";
      case YELLOW -> "(" + open + "p.deadline = :today)";
      case BLUE -> {
        params.put("blueUntil", today.plusDays(ProblemColour.BLUE_DAYS));
        yield "(" + open + "p.deadline > :today AND p.deadline <= :blueUntil)";
      }
      case NONE -> {
        params.put("blueUntil", today.plusDays(ProblemColour.BLUE_DAYS));
        yield "(p.status NOT IN (:openStates) OR p.deadline > :blueUntil)";
      }
    };
  }

  private static void equal(List<String> conditions, Map<String, Object> params, String column, String name,
                            Object value) {
    if (value != null) {
      conditions.add(column + " = :" + name);
      params.put(name, value);
    }
  }
}
