package cn.dudao.flows.flows;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.flows.definition.Flow;
import cn.dudao.flows.definition.FlowCatalogue;
import cn.dudao.flows.definition.Node;
import cn.dudao.flows.testing.Flows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's indicator names, criteria (附件2) and self-check items (附件3) match the seed plan
 * word for word. Only whitespace is normalised, and the converter's {@code [bookmark: …]} anchors
 * (not part of the text) are dropped from the seed.
 */
class SeedTextTest {
  static final List<String> ITEMS = List.of("safe_water", "compulsory_education", "basic_medical",
      "housing_safety", "collective_income", "industry", "village_road", "power", "internet",
      "social_assistance", "pension_insurance", "village_clinic");
  private static final String SEED = Flows.resource("/seed/youyu-2021-plan.txt")
      .replaceAll("\\[bookmark: [^\\]]*\\]", "");
  private static final String ANNEX2 = SEED.substring(SEED.indexOf("督导指标(26项)"), SEED.indexOf("附件3："));
  private static final String ANNEX3 = SEED.substring(SEED.indexOf("附件3："));

  private static String squash(String s) {
    return s.replaceAll("\\s+", "");
  }

  private static String collapse(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  /** Lines of a seed section, whitespace-collapsed: the units a criterion must equal. */
  private static List<String> lines(String section) {
    List<String> out = new ArrayList<>();
    for (String line : section.split("\n")) {
      if (!line.isBlank()) {
        out.add(collapse(line));
      }
    }
    return out;
  }

  private static List<Node> nodes(Flow flow) {
    return flow.nodeIds().stream().map(flow::node).toList();
  }

  @Test
  void areaCheckHasThe26IndicatorsVerbatimInSeedOrder() {
    List<Node> indicators = nodes(Flows.load("area-check")).stream()
        .filter(n -> n.meta().containsKey("indicator_name")).toList();
    assertThat(indicators).hasSize(26);
    Map<String, Integer> perCategory = new LinkedHashMap<>();
    indicators.forEach(n -> perCategory.merge(n.meta().get("category"), 1, Integer::sum));
    assertThat(perCategory).containsExactly(Map.entry("责任落实", 4), Map.entry("巩固成果", 4),
        Map.entry("工作落实", 7), Map.entry("政策落实", 11));
    String annex2 = squash(ANNEX2);
    List<String> annex2Lines = lines(ANNEX2);
    int last = -1;
    for (Node n : indicators) {
      assertThat(n.label()).isEqualTo(n.meta().get("indicator_name"));
      assertThat(annex2Lines).as("criterion of %s is one seed line, verbatim", n.id()).contains(collapse(n.criterion()));
      int at = annex2.indexOf(squash(n.label()) + squash(n.criterion()));
      assertThat(at).as("%s: name directly followed by its criterion in the seed", n.id()).isGreaterThan(last);
      assertThat(n.prompt().source()).contains(n.label());
      assertThat(n.options()).extracting(o -> o.label()).containsExactly("达标", "基本达标", "不达标");
      last = at;
    }
  }

  @Test
  void annex3ItemsAreVerbatimInEveryFlowThatAsksThem() {
    List<String> seedItems = lines(ANNEX3).stream()
        .filter(l -> !l.equals("签章") && !l.startsWith("附件3") && !l.startsWith("右玉县2021")
            && !l.startsWith("乡（镇）") && !l.startsWith("中共右玉"))
        .toList();
    assertThat(seedItems).hasSize(12);
    int flowsWithItems = 0;
    for (String id : FlowCatalogue.IDS) {
      List<Node> asked = nodes(Flows.load(id)).stream()
          .filter(n -> n.criterion() != null && ITEMS.contains(n.meta().getOrDefault("item", ""))).toList();
      if (asked.isEmpty()) {
        continue;
      }
      flowsWithItems++;
      assertThat(asked).as(id).extracting(n -> n.meta().get("item")).containsExactlyElementsOf(ITEMS);
      for (Node n : asked) {
        assertThat(collapse(n.criterion())).as(id + " " + n.id())
            .isEqualTo(seedItems.get(ITEMS.indexOf(n.meta().get("item"))));
      }
    }
    assertThat(flowsWithItems).as("village-check, village-verification, sector-self-check").isEqualTo(3);
  }
}
