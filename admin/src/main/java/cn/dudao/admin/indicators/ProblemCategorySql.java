package cn.dudao.admin.indicators;

import java.util.Map;
import java.util.Set;

/**
 * The SQL twin of {@link Indicators#categoryOf}: a condition on a findings row (alias {@code f}), or on
 * any row with a category, an indicator and a flow id, that is true when the row falls in a category,
 * so the problem list filters in the database.
 */
public final class ProblemCategorySql {

  private ProblemCategorySql() {
  }

  /** Appends the condition for {@code category} and puts its parameters into {@code params}. */
  public static String condition(Indicators indicators, String category, Map<String, Object> params) {
    return condition(indicators, category, params, "f.category", "f.indicator", "f.flow_id");
  }

  /** As above, on the given columns (e.g. a problem's category and indicator, its finding's flow). */
  public static String condition(Indicators indicators, String category, Map<String, Object> params,
                                 String categoryColumn, String indicatorColumn, String flowColumn) {
    Set<String> area = nonEmpty(indicators.areaKeys(null));
    Set<String> items = nonEmpty(indicators.villageKeys());
    params.put("catArea", area);
    params.put("catItems", items);
    params.put("catVillageFlows", Indicators.VILLAGE_FLOWS);
    String asItem = "(" + indicatorColumn + " IN (:catItems) AND (" + flowColumn + " IN (:catVillageFlows) OR " + indicatorColumn
        + " NOT IN (:catArea)))";
    if (Indicators.SELF_CHECK.equals(category)) {
      return "(" + categoryColumn + " IS NULL AND " + asItem + ")";
    }
    if (Indicators.OTHER.equals(category)) {
      return "(" + categoryColumn + " IS NULL AND " + indicatorColumn + " NOT IN (:catItems) AND " + indicatorColumn
          + " NOT IN (:catArea))";
    }
    params.put("cat", category);
    params.put("catKeys", nonEmpty(indicators.areaKeys(category)));
    return "(" + categoryColumn + " = :cat OR (" + categoryColumn + " IS NULL AND " + indicatorColumn + " IN (:catKeys) AND NOT "
        + asItem + "))";
  }

  private static Set<String> nonEmpty(Set<String> keys) {
    return keys.isEmpty() ? Set.of("") : keys;
  }
}
