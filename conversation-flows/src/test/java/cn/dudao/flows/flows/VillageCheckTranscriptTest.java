package cn.dudao.flows.flows;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.flows.definition.Flow;
import cn.dudao.flows.engine.ConversationState.Status;
import cn.dudao.flows.engine.FlowEvent;
import cn.dudao.flows.engine.FlowEvent.AnswerRecorded;
import cn.dudao.flows.engine.FlowEvent.QuestionAsked;
import cn.dudao.flows.engine.Input;
import cn.dudao.flows.testing.Conversation;
import cn.dudao.flows.testing.Flows;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Transcripts of the issue-2 village check (附件3, 12 items). */
class VillageCheckTranscriptTest {
  static final List<String> ITEMS = List.of("safe_water", "compulsory_education", "basic_medical",
      "housing_safety", "collective_income", "industry", "village_road", "power", "internet",
      "social_assistance", "pension_insurance", "village_clinic");
  static final Map<String, Object> CONTEXT = Map.of("villages", List.of(
      Map.of("key", "v-lijiagou", "label", "李家沟村"), Map.of("key", "v-majiazhuang", "label", "马家庄村")));

  private final Flow flow = Flows.load("village-check");

  private Conversation started() {
    return new Conversation(flow, CONTEXT);
  }

  @Test
  void flowHeader() {
    assertThat(flow.id()).isEqualTo("village-check");
    assertThat(flow.formatVersion()).isEqualTo(1);
    assertThat(flow.revision()).isGreaterThanOrEqualTo(1);
    assertThat(flow.answerKeys()).startsWith("village", "safe_water", "safe_water_note")
        .contains("village_clinic_note", "confirmed");
  }

  @Test
  void startGreetsAndOffersTheVillages() {
    Conversation c = started();
    assertThat(c.events().get(0)).isInstanceOf(FlowEvent.MessageShown.class);
    QuestionAsked q = c.question();
    assertThat(q.nodeId()).isEqualTo("village");
    assertThat(q.step()).isEqualTo(1);
    assertThat(q.options()).containsExactly(new FlowEvent.Option("v-lijiagou", "李家沟村"),
        new FlowEvent.Option("v-majiazhuang", "马家庄村"));
    assertThat(q.text()).contains("请选择要核查的行政村", "1. 李家沟村", "2. 马家庄村", "序号");
    assertThat(c.state().data()).containsKey("villages");
    assertThat(c.state().status()).isEqualTo(Status.ACTIVE);
  }

  @Test
  void happyPathWithOneNotMetItem() {
    Conversation c = started().say("2");
    AnswerRecorded village = c.only(AnswerRecorded.class);
    assertThat(village.key()).isEqualTo("village");
    assertThat(village.value()).isEqualTo("v-majiazhuang");
    assertThat(village.display()).isEqualTo("马家庄村");
    QuestionAsked water = c.question();
    assertThat(water.nodeId()).isEqualTo("safe_water");
    assertThat(water.step()).isEqualTo(2);
    assertThat(water.prompt()).contains("安全饮水符合地方安全饮水标准");
    assertThat(water.options()).extracting(FlowEvent.Option::label).containsExactly("达标", "不达标");
    assertThat(water.text()).contains("1. 达标", "2. 不达标");

    c.say("不达标");
    AnswerRecorded notMet = c.only(AnswerRecorded.class);
    assertThat(notMet.value()).isEqualTo("not_met");
    assertThat(notMet.meta()).containsEntry("item", "safe_water");
    assertThat(notMet.replaced()).isFalse();
    assertThat(notMet.revision()).isEqualTo(flow.revision());
    assertThat(c.question().nodeId()).isEqualTo("safe_water_note");
    assertThat(c.question().type()).isEqualTo("text");

    c.say("  3组有 5 户自来水水压不足，冬季冻管  ");
    AnswerRecorded note = c.only(AnswerRecorded.class);
    assertThat(note.key()).isEqualTo("safe_water_note");
    assertThat(note.value()).isEqualTo("3组有 5 户自来水水压不足，冬季冻管");
    assertThat(note.meta()).containsEntry("item", "safe_water").containsEntry("describes", "safe_water");

    for (String item : ITEMS.subList(1, ITEMS.size())) {
      assertThat(c.question().nodeId()).isEqualTo(item);
      c.say("1");
      assertThat(c.only(AnswerRecorded.class).value()).isEqualTo("met");
    }
    String summary = c.messages();
    assertThat(summary).contains("核查结果汇总", "1. 行政村：马家庄村", "2. 安全饮水：不达标",
        "情况说明：3组有 5 户自来水水压不足", "13. 村级卫生室：达标");
    assertThat(c.question().type()).isEqualTo("confirm");
    assertThat(c.question().options()).extracting(FlowEvent.Option::label).containsExactly("确认", "修改");

    c.press("confirm");
    FlowEvent.FindingRecorded finding = c.only(FlowEvent.FindingRecorded.class);
    assertThat(finding.key()).isEqualTo("safe_water");
    assertThat(finding.description()).isEqualTo("3组有 5 户自来水水压不足，冬季冻管");
    assertThat(finding.meta()).containsEntry("item", "safe_water");
    FlowEvent.Completed done = c.only(FlowEvent.Completed.class);
    assertThat(c.events().get(c.events().size() - 1)).isEqualTo(done);
    assertThat(done.answers()).containsEntry("village", "v-majiazhuang").containsEntry("safe_water", "not_met")
        .containsEntry("village_clinic", "met").containsEntry("confirmed", true)
        .doesNotContainKey("power_note");
    assertThat(done.answers()).hasSize(1 + 12 + 1 + 1);
    assertThat(c.state().status()).isEqualTo(Status.COMPLETED);

    var before = c.state();
    c.say("1");
    assertThat(c.state()).isEqualTo(before);
    assertThat(c.only(FlowEvent.MessageShown.class).text()).contains("已经结束");
    c.press("met");
    assertThat(c.state()).isEqualTo(before);
  }

  @Test
  void answersTypedAsKeyLabelOrFullWidthDigits() {
    Conversation c = started().say("李家沟村");
    assertThat(c.only(AnswerRecorded.class).value()).isEqualTo("v-lijiagou");
    c.say("met");
    assertThat(c.only(AnswerRecorded.class).value()).isEqualTo("met");
    c.say(" ２ ");
    assertThat(c.only(AnswerRecorded.class).value()).isEqualTo("not_met");
  }

  @Test
  void badAnswerIsRejectedWithHintAndAskedAgain() {
    Conversation c = started().say("1");
    int step = c.state().step();
    var before = c.state();
    c.say("还行吧");
    FlowEvent.InputRejected rejected = c.only(FlowEvent.InputRejected.class);
    assertThat(rejected.nodeId()).isEqualTo("safe_water");
    assertThat(rejected.hint()).contains("序号");
    assertThat(c.question().nodeId()).isEqualTo("safe_water");
    assertThat(c.question().step()).isEqualTo(step);
    assertThat(c.state()).isEqualTo(before);
    c.say("3");
    assertThat(c.events(FlowEvent.InputRejected.class)).hasSize(1);
  }

  @Test
  void tooLongNoteIsRejected() {
    Conversation c = started().say("1").say("2");
    c.say("水".repeat(201));
    assertThat(c.only(FlowEvent.InputRejected.class).hint()).contains("201", "1-200");
    c.say("");
    assertThat(c.events(FlowEvent.InputRejected.class)).hasSize(1);
    c.say("水".repeat(200));
    assertThat(c.only(AnswerRecorded.class).key()).isEqualTo("safe_water_note");
  }

  @Test
  void pressOnAnOldCardIsIgnored() {
    Conversation c = started().say("1");
    int oldStep = c.state().step();
    c.press("met");
    var before = c.state();
    c.send(new Input.Choice(oldStep, "not_met"));
    assertThat(c.only(FlowEvent.StaleInputIgnored.class).step()).isEqualTo(oldStep);
    assertThat(c.state()).isEqualTo(before);
    assertThat(c.events(AnswerRecorded.class)).isEmpty();
  }

  @Test
  void cardPressOnTheCurrentStepAnswers() {
    Conversation c = started();
    c.send(new Input.Choice(c.state().step(), "v-lijiagou"));
    assertThat(c.only(AnswerRecorded.class).value()).isEqualTo("v-lijiagou");
    c.send(new Input.Choice(c.state().step(), "nonsense"));
    assertThat(c.events(FlowEvent.InputRejected.class)).hasSize(1);
  }

  @Test
  void goingBackToChangeNotMetToMetClearsTheNote() {
    Conversation c = started().say("1").say("2").say("水压不足");
    assertThat(c.question().nodeId()).isEqualTo("compulsory_education");
    c.say("上一题");
    assertThat(c.question().nodeId()).isEqualTo("safe_water_note");
    assertThat(c.question().text()).contains("原答案：水压不足");
    c.say("修改");
    QuestionAsked again = c.question();
    assertThat(again.nodeId()).isEqualTo("safe_water");
    assertThat(again.text()).contains("原答案：不达标");
    c.say("达标");
    AnswerRecorded changed = c.only(AnswerRecorded.class);
    assertThat(changed.replaced()).isTrue();
    assertThat(changed.value()).isEqualTo("met");
    assertThat(c.only(FlowEvent.AnswersCleared.class).keys()).containsExactly("safe_water_note");
    assertThat(c.state().answers()).doesNotContainKey("safe_water_note").containsEntry("safe_water", "met");
    assertThat(c.question().nodeId()).isEqualTo("compulsory_education");
  }

  @Test
  void changingMetToNotMetAsksForTheNoteThenReturnsToWhereHeWas() {
    Conversation c = started().say("1").say("1").say("1").say("1");
    assertThat(c.question().nodeId()).isEqualTo("housing_safety");
    c.say("上一题").say("上一题");
    assertThat(c.question().nodeId()).isEqualTo("compulsory_education");
    c.say("不达标");
    assertThat(c.question().nodeId()).isEqualTo("compulsory_education_note");
    c.say("有 1 名学生辍学");
    assertThat(c.events(FlowEvent.AnswersCleared.class)).isEmpty();
    assertThat(c.question().nodeId()).isEqualTo("housing_safety");
    assertThat(c.state().answers()).containsEntry("basic_medical", "met");
  }

  @Test
  void backAtTheFirstQuestionSaysSo() {
    Conversation c = started().say("上一题");
    assertThat(c.messages()).contains("第一题");
    assertThat(c.question().nodeId()).isEqualTo("village");
  }

  @Test
  void changeAtConfirmationGoesBackAndReturnsToTheSummary() {
    Conversation c = started().say("1");
    for (int i = 0; i < ITEMS.size(); i++) {
      c.say("1");
    }
    assertThat(c.question().type()).isEqualTo("confirm");
    c.say("2");
    assertThat(c.messages()).contains("上一题");
    assertThat(c.question().nodeId()).isEqualTo("village_clinic");
    c.say("上一题").say("上一题").say("上一题");
    assertThat(c.question().nodeId()).isEqualTo("internet");
    c.say("不达标").say("未通光纤");
    assertThat(c.messages()).contains("互联网：不达标", "情况说明：未通光纤");
    assertThat(c.question().type()).isEqualTo("confirm");
    c.say("确认");
    assertThat(c.only(FlowEvent.FindingRecorded.class).key()).isEqualTo("internet");
    assertThat(c.state().status()).isEqualTo(Status.COMPLETED);
  }

  @Test
  void pauseAndResume() {
    Conversation c = started().say("1").say("1");
    var open = c.question();
    c.say("暂停");
    c.only(FlowEvent.Paused.class);
    assertThat(c.messages()).contains("继续");
    assertThat(c.state().status()).isEqualTo(Status.PAUSED);
    var paused = c.state();
    c.say("1");
    assertThat(c.state()).isEqualTo(paused);
    assertThat(c.messages()).contains("继续");
    c.send(new Input.Choice(paused.step(), "met"));
    assertThat(c.state()).isEqualTo(paused);
    c.say("进度");
    assertThat(c.messages()).contains("已回答 2 题");
    c.say("继续");
    c.only(FlowEvent.Resumed.class);
    assertThat(c.messages()).contains("进度", "已回答 2 题");
    assertThat(c.question().nodeId()).isEqualTo(open.nodeId());
    assertThat(c.state().status()).isEqualTo(Status.ACTIVE);
    c.say("1");
    assertThat(c.only(AnswerRecorded.class).key()).isEqualTo("compulsory_education");
  }

  @Test
  void exitEndsWithoutConfirmation() {
    Conversation c = started().say("1").say("退出");
    c.only(FlowEvent.Exited.class);
    assertThat(c.events(FlowEvent.Completed.class)).isEmpty();
    assertThat(c.state().status()).isEqualTo(Status.EXITED);
    var exited = c.state();
    c.say("继续");
    assertThat(c.state()).isEqualTo(exited);
    assertThat(c.messages()).contains("已经结束");
  }

  @Test
  void helpProgressAndSkipWhereNotAllowed() {
    Conversation c = started().say("1");
    c.say("帮助");
    assertThat(c.messages()).contains("上一题", "暂停", "退出", "序号");
    c.say("进度");
    assertThat(c.messages()).contains("已回答 1 题", "还剩 12 题", "安全饮水");
    var before = c.state();
    c.say("跳过");
    assertThat(c.only(FlowEvent.InputRejected.class).hint()).contains("不能跳过");
    assertThat(c.state()).isEqualTo(before);
  }

  @Test
  void unsupportedInputIsRejected() {
    Conversation c = started().say("1");
    c.send(new Input.Unsupported("voice"));
    assertThat(c.only(FlowEvent.InputRejected.class).hint()).contains("无法识别");
    c.send(new Input.Photo("ev-1"));
    assertThat(c.events(FlowEvent.InputRejected.class)).hasSize(1);
  }
}
