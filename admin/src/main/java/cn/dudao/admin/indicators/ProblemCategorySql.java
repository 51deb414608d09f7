package cn.dudao.admin.indicators;

import java.util.Map;
import java.util.Set;

/**
 * The SQL twin of {@link Indicators#categoryOf}: a condition on a findings row (alias {@code f}) that
 * is true when the finding falls in a category, so the problem list filters in the database.
 */
public final class ProblemCategorySql {

  private ProblemCategorySql() {
  }

  /** Appends the condition for {@code category} and puts its parameters into {@code params}. */
  public static String condition(Indicators indicators, String category, Map<String, Object> params) {
    Set<String> area = nonEmpty(indicators.areaKeys(null));
    Set<String> items = nonEmpty(indicators.villageKeys());
    params.put("catArea", area);
    params.put("catItems", items);
    params.put("catVillageFlows", Indicators.VILLAGE_FLOWS);
    String asItem = "(f.indicator IN (:catItems) AND (f.flow_id IN (:catVillageFlows) OR f.indicator NOT IN (:catArea)))";
    if (Indicators.SELF_CHECK.equals(category)) {
      return "(f.category IS NULL AND " + asItem + ")";
    }
    if (Indicators.OTHER.equals(category)) {
      return "(f.category IS NULL AND f.indicator NOT IN (:catItems) AND f.indicator NOT IN (:catArea))";
    }
    params.put("cat", category);
    params.put("catKeys", nonEmpty(indicators.areaKeys(category)));
    return "(f.category = :cat OR (f.category IS NULL AND f.indicator IN (:catKeys) AND NOT " + asItem + "))";
  }

  private static Set<String> nonEmpty(Set<String> keys) {
    return keys.isEmpty() ? Set.of("") : keys;
  }
}
