package cn.dudao.flows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.flows.definition.Flow;
import cn.dudao.flows.definition.FlowLoader;
import cn.dudao.flows.engine.FlowEvent.AnswerRecorded;
import cn.dudao.flows.testing.Conversation;
import cn.dudao.flows.testing.Flows;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routes, branches, conditions, computed values, repeated sections, skipping and findings. */
class FlowFeaturesTest {
  private static final Flow FLOW = FlowLoader.parse(Flows.resource("/flows-test/features.yaml"), "features.yaml");
  private static final Map<String, Object> TWO_HOUSEHOLDS = Map.of("monitoring_line", 6500, "households", List.of(
      Map.of("key", "h1", "label", "张三"), Map.of("key", "h2", "label", "李四")));
  private static final Map<String, Object> NO_HOUSEHOLDS = Map.of("monitoring_line", 6500, "households", List.of());

  private static AnswerRecorded answer(Conversation c, String key) {
    return c.events(AnswerRecorded.class).stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void repeatedSectionWithComputedValues() {
    Conversation c = new Conversation(FLOW, TWO_HOUSEHOLDS).say("达标");
    assertThat(c.question().nodeId()).isEqualTo("size");
    assertThat(c.question().prompt()).isEqualTo("张三家几口人？");
    c.say("4").say("2.4万");
    AnswerRecorded perCapita = answer(c, "households.h1.per_capita");
    assertThat(perCapita.value()).isEqualTo(6000L);
    assertThat(perCapita.display()).isEqualTo("6000 元");
    assertThat(perCapita.meta()).containsEntry("repeat", "households").containsEntry("item_key", "h1")
        .containsEntry("item_label", "张三");
    assertThat(answer(c, "households.h1.at_risk").value()).isEqualTo(true);
    assertThat(c.question().nodeId()).isEqualTo("causes");
    c.say("1,3");
    assertThat(c.question().nodeId()).isEqualTo("ill_note");
    c.say("慢性病");
    assertThat(c.question().prompt()).isEqualTo("李四家几口人？");
    c.say("2").say("20000");
    assertThat(answer(c, "households.h2.at_risk").value()).isEqualTo(false);
    assertThat(c.question().nodeId()).isEqualTo("extra");
    c.say("是");
    assertThat(c.question().nodeId()).isEqualTo("extra_text");
    c.say("无其他");
    assertThat(c.messages()).contains("1. 通村公路：达标", "【张三】家庭人口：4 人", "【张三】人均纯收入：6000 元",
        "【张三】风险原因：因病、因灾", "【李四】家庭纯收入：20000 元", "补充：无其他");
    c.say("确认");
    assertThat(c.events(FlowEvent.FindingRecorded.class)).isEmpty();
    assertThat(c.only(FlowEvent.Completed.class).answers()).containsEntry("households.h2.per_capita", 10000L)
        .doesNotContainKey("households.h2.causes");
  }

  @Test
  void changingAnInputRecomputesAndClearsWhatDependedOnIt() {
    Conversation c = new Conversation(FLOW, TWO_HOUSEHOLDS).say("达标").say("4").say("24000").say("1").say("慢性病");
    assertThat(c.question().prompt()).isEqualTo("李四家几口人？");
    c.say("上一题").say("上一题").say("上一题").say("上一题");
    assertThat(c.question().nodeId()).isEqualTo("size");
    assertThat(c.question().text()).contains("原答案：4 人");
    c.say("3");
    assertThat(c.only(FlowEvent.AnswersCleared.class).keys()).containsExactly("households.h1.causes",
        "households.h1.ill_note");
    assertThat(answer(c, "households.h1.per_capita").value()).isEqualTo(8000L);
    assertThat(answer(c, "households.h1.per_capita").replaced()).isTrue();
    assertThat(answer(c, "households.h1.at_risk").value()).isEqualTo(false);
    assertThat(c.state().answers()).containsEntry("households.h1.income", 24000L)
        .doesNotContainKey("households.h1.causes");
    assertThat(c.question().prompt()).isEqualTo("李四家几口人？");
  }

  @Test
  void notMetWithNotePhotosAndBranch() {
    Conversation c = new Conversation(FLOW, NO_HOUSEHOLDS).say("2").say("路面破损 300 米");
    assertThat(c.question().nodeId()).isEqualTo("road_photos");
    c.send(new Input.Photo("ev-1")).send(new Input.Photo("ev-2"));
    assertThat(answer(c, "road_photos").value()).isEqualTo(List.of("ev-1", "ev-2"));
    assertThat(c.question().nodeId()).isEqualTo("extra");
    c.say("是");
    assertThat(c.question().nodeId()).isEqualTo("confirm");
    c.say("1");
    FlowEvent.FindingRecorded f = c.only(FlowEvent.FindingRecorded.class);
    assertThat(f.key()).isEqualTo("road_ok");
    assertThat(f.value()).isEqualTo("not_met");
    assertThat(f.display()).isEqualTo("不达标");
    assertThat(f.meta()).containsEntry("indicator", "village_road");
    assertThat(f.description()).isEqualTo("路面破损 300 米");
    assertThat(f.evidenceIds()).containsExactly("ev-1", "ev-2");
    assertThat(f.revision()).isEqualTo(2);
  }

  @Test
  void skipWhereAllowedAndFindingWithoutPhotos() {
    Conversation c = new Conversation(FLOW, NO_HOUSEHOLDS).say("2").say("破损");
    c.say("跳过");
    FlowEvent.QuestionSkipped skipped = c.only(FlowEvent.QuestionSkipped.class);
    assertThat(skipped.key()).isEqualTo("road_photos");
    assertThat(skipped.meta()).containsEntry("describes", "road_ok");
    assertThat(c.question().nodeId()).isEqualTo("extra");
    c.say("上一题");
    assertThat(c.question().nodeId()).isEqualTo("road_photos");
    c.say("上一题").say("上一题");
    assertThat(c.question().nodeId()).isEqualTo("road_ok");
    c.say("否");
    assertThat(c.events(FlowEvent.InputRejected.class)).hasSize(1);
    c.say("不达标");
    assertThat(c.events(FlowEvent.AnswersCleared.class)).isEmpty();
    assertThat(c.question().nodeId()).isEqualTo("extra");
    c.say("否").say("确认");
    assertThat(c.only(FlowEvent.FindingRecorded.class).evidenceIds()).isEmpty();
  }

  @Test
  void changingTheRouteClearsAnswersLeftOffThePath() {
    Conversation c = new Conversation(FLOW, NO_HOUSEHOLDS).say("2").say("破损")
        .send(new Input.Photo("ev-1")).say("完成").say("是");
    assertThat(c.question().nodeId()).isEqualTo("confirm");
    c.say("修改");
    assertThat(c.question().nodeId()).isEqualTo("extra");
    c.say("上一题").say("上一题").say("上一题");
    assertThat(c.question().nodeId()).isEqualTo("road_ok");
    c.say("达标");
    assertThat(c.only(FlowEvent.AnswersCleared.class).keys()).containsExactly("road_note", "road_photos");
    assertThat(c.question().nodeId()).isEqualTo("extra_text");
    c.say("路况良好").say("确认");
    assertThat(c.events(FlowEvent.FindingRecorded.class)).isEmpty();
    assertThat(c.only(FlowEvent.Completed.class).answers()).containsOnlyKeys("road_ok", "extra", "extra_text",
        "confirm");
  }

  @Test
  void pendingPhotosSurviveTheRoundTripAndPause() {
    Conversation c = new Conversation(FLOW, NO_HOUSEHOLDS).say("2").say("破损").send(new Input.Photo("ev-9"));
    assertThat(c.state().data()).containsEntry("_pending", List.of("ev-9"));
    c.say("暂停").say("继续").send(new Input.Photo("ev-10"));
    assertThat(answer(c, "road_photos").value()).isEqualTo(List.of("ev-9", "ev-10"));
  }
}
