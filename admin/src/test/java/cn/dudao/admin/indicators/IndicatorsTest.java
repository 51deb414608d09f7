package cn.dudao.admin.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.bot.conversation.FlowCatalog;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue as the seed has it, and the category rule for keys that both attachments use. */
class IndicatorsTest {

  private final Indicators indicators = new Indicators(new FlowCatalog());

  IndicatorsTest() throws IOException {
  }

  @Test
  void attachmentTwoHasTwentySixIndicatorsInFourCategoriesAttachmentThreeTwelveItems() {
    Map<String, Long> perCategory = indicators.areaIndicators().stream()
        .collect(Collectors.groupingBy(Indicators.Indicator::category, java.util.LinkedHashMap::new,
            Collectors.counting()));
    assertThat(perCategory).containsExactly(Map.entry("责任落实", 4L), Map.entry("巩固成果", 4L),
        Map.entry("工作落实", 7L), Map.entry("政策落实", 11L));
    assertThat(indicators.areaIndicators().get(0).name()).isEqualTo("主体责任落实情况");
    assertThat(indicators.areaIndicators().get(25).criterion())
        .isEqualTo("落实补充养老保险制度情况；对符合综合保障兜底条件的低收入人口实现全保障。");
    assertThat(indicators.villageItems()).hasSize(12);
    assertThat(indicators.villageItems().get(0).criterion()).isEqualTo("安全饮水符合地方安全饮水标准");
  }

  @Test
  void aKeyOfBothAttachmentsBelongsToAttachmentThreeInVillageFlowsOnly() {
    // "industry" is 产业帮扶政策落实情况 in 附件2 and 产业发展 in 附件3.
    assertThat(indicators.categoryOf("village-check", "industry", null)).isEqualTo(Indicators.SELF_CHECK);
    assertThat(indicators.nameOf("village-check", "industry")).isEqualTo("产业发展");
    assertThat(indicators.categoryOf("area-check", "industry", null)).isEqualTo("政策落实");
    assertThat(indicators.nameOf("household-visit", "industry")).isEqualTo("产业帮扶政策落实情况");
    assertThat(indicators.categoryOf("household-visit", "education", null)).isEqualTo("政策落实");
    assertThat(indicators.categoryOf("household-visit", "safe_water", null)).isEqualTo(Indicators.SELF_CHECK);
    assertThat(indicators.categoryOf("complaint", "something_else", null)).isEqualTo(Indicators.OTHER);
    assertThat(indicators.categoryOf("village-check", "industry", "工作落实")).isEqualTo("工作落实");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSqlConditionNamesTheSameKeys() {
    Map<String, Object> params = new HashMap<>();
    String condition = ProblemCategorySql.condition(indicators, "政策落实", params);
    assertThat(condition).contains("f.category = :cat");
    assertThat(params.get("cat")).isEqualTo("政策落实");
    assertThat((java.util.Collection<Object>) params.get("catKeys")).hasSize(11).contains("industry", "education");
    assertThat((java.util.Collection<Object>) params.get("catVillageFlows")).contains("village-check");
  }
}
