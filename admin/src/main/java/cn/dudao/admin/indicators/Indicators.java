package cn.dudao.admin.indicators;

import cn.dudao.bot.conversation.FlowCatalog;
import cn.dudao.flows.definition.Flow;
import cn.dudao.flows.definition.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The catalogue of indicators, taken from the shipped flows: {@code area-check} holds 附件2's 26
 * indicators (label = 考核指标, criterion = 考核内容, meta category), {@code village-check} 附件3's twelve
 * items. Findings name an indicator by key; this class tells its name and category.
 */
@Component
public class Indicators {

  public static final String AREA_CHECK = "area-check";
  public static final String VILLAGE_CHECK = "village-check";
  /** 附件2's categories in the seed's order. */
  public static final List<String> AREA_CATEGORIES = List.of("责任落实", "巩固成果", "工作落实", "政策落实");
  /** The category of 附件3's items. */
  public static final String SELF_CHECK = "自查项目";
  /** Findings whose indicator is in neither table. */
  public static final String OTHER = "其他";
  /** Flows whose item keys mean 附件3's items even where a key equals an indicator of 附件2. */
  public static final Set<String> VILLAGE_FLOWS = Set.of(VILLAGE_CHECK, "sector-self-check", "village-verification");

  /** One of 附件2's indicators. */
  public record Indicator(String key, String category, String name, String criterion) {}

  /** One of 附件3's items. */
  public record SelfCheckItem(String key, String label, String criterion) {}

  private final List<Indicator> areaIndicators = new ArrayList<>();
  private final Map<String, Indicator> byKey = new LinkedHashMap<>();
  private final List<SelfCheckItem> villageItems = new ArrayList<>();
  private final Map<String, SelfCheckItem> itemsByKey = new LinkedHashMap<>();

  public Indicators(FlowCatalog flows) {
    for (Node node : flows.get(AREA_CHECK).nodes()) {
      String key = node.meta().get("indicator");
      if (node.criterion() != null && key != null && node.key().equals(key)) {
        Indicator indicator = new Indicator(key, node.meta().get("category"),
            node.meta().getOrDefault("indicator_name", node.label()), node.criterion());
        areaIndicators.add(indicator);
        byKey.put(key, indicator);
      }
    }
    Flow village = flows.get(VILLAGE_CHECK);
    for (Node node : village.nodes()) {
      if (node.criterion() != null) {
        SelfCheckItem item = new SelfCheckItem(node.key(), node.label(), node.criterion());
        villageItems.add(item);
        itemsByKey.put(item.key(), item);
      }
    }
  }

  /** 附件2's indicators in the seed's order. */
  public List<Indicator> areaIndicators() {
    return List.copyOf(areaIndicators);
  }

  /** 附件3's items in the seed's order. */
  public List<SelfCheckItem> villageItems() {
    return List.copyOf(villageItems);
  }

  /** Every category a finding can fall in, in display order. */
  public List<String> categories() {
    List<String> all = new ArrayList<>(AREA_CATEGORIES);
    all.add(SELF_CHECK);
    all.add(OTHER);
    return all;
  }

  /** Keys of 附件2's indicators in one category. */
  public Set<String> areaKeys(String category) {
    Set<String> keys = new LinkedHashSet<>();
    areaIndicators.stream().filter(i -> category == null || i.category().equals(category))
        .forEach(i -> keys.add(i.key()));
    return keys;
  }

  public Set<String> villageKeys() {
    return new LinkedHashSet<>(itemsByKey.keySet());
  }

  /** The category of a finding: as stored, else by its indicator (see {@link ProblemCategorySql}). */
  public String categoryOf(String flowId, String indicator, String storedCategory) {
    if (storedCategory != null && !storedCategory.isBlank()) {
      return storedCategory;
    }
    boolean item = itemsByKey.containsKey(indicator);
    boolean area = byKey.containsKey(indicator);
    if (item && (VILLAGE_FLOWS.contains(flowId) || !area)) {
      return SELF_CHECK;
    }
    return area ? byKey.get(indicator).category() : OTHER;
  }

  /** The indicator's name as the seed writes it, or the key itself when unknown. */
  public String nameOf(String flowId, String indicator) {
    boolean item = itemsByKey.containsKey(indicator);
    boolean area = byKey.containsKey(indicator);
    if (item && (VILLAGE_FLOWS.contains(flowId) || !area)) {
      return itemsByKey.get(indicator).label();
    }
    return area ? byKey.get(indicator).name() : indicator;
  }

  /** Indicator keys and names for a filter list: 附件2 first, then 附件3 (a shared key shows both names). */
  public Map<String, String> filterChoices() {
    Map<String, String> choices = new LinkedHashMap<>();
    areaIndicators.forEach(i -> choices.put(i.key(), i.name()));
    villageItems.forEach(i -> choices.merge(i.key(), i.label(), (a, b) -> a + " / " + b));
    return choices;
  }
}
