package cn.dudao.flows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.flows.definition.FlowLoader;
import cn.dudao.flows.engine.FlowEvent.AnswerRecorded;
import cn.dudao.flows.testing.Conversation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each question type accepts what it should, stores it normalised and re-asks with a hint otherwise. */
class QuestionTypesTest {

  private static Conversation ask(String node) {
    String yaml = "format: 1\nid: q\nrevision: 3\ntitle: 题型\nnodes:\n" + node.indent(2)
        + "  - {id: end_note, type: message, prompt: 完}\n";
    return new Conversation(FlowLoader.parse(yaml, "q.yaml"), Map.of());
  }

  private static Object accepted(Conversation c) {
    return c.only(AnswerRecorded.class).value();
  }

  private static String rejected(Conversation c) {
    assertThat(c.events(AnswerRecorded.class)).isEmpty();
    return c.only(FlowEvent.InputRejected.class).hint();
  }

  @Test
  void integerWithRangeAndUnit() {
    String node = "- {id: size, type: integer, prompt: 家庭人口, unit: 人, min: 1, max: 20}";
    assertThat(ask(node).question().text()).contains("家庭人口", "整数", "单位：人", "范围 1-20");
    assertThat(accepted(ask(node).say("５人"))).isEqualTo(5L);
    assertThat(ask(node).say("5").only(AnswerRecorded.class).display()).isEqualTo("5 人");
    assertThat(rejected(ask(node).say("0"))).contains("超出范围", "1-20");
    assertThat(rejected(ask(node).say("2.5"))).contains("整数");
    assertThat(rejected(ask(node).say("五"))).contains("没有看懂");
  }

  @Test
  void decimalAndMoney() {
    String acres = "- {id: land, type: decimal, prompt: 耕地面积, unit: 亩, decimals: 1}";
    assertThat(accepted(ask(acres).say("12.5亩"))).isEqualTo(new BigDecimal("12.5"));
    assertThat(accepted(ask(acres).say("12.0"))).isEqualTo(12L);
    assertThat(rejected(ask(acres).say("12.55"))).contains("1 位小数");
    String money = "- {id: income, type: money, prompt: 家庭纯收入, min: 0}";
    assertThat(accepted(ask(money).say("1.2万"))).isEqualTo(12000L);
    assertThat(accepted(ask(money).say("12,345.50元"))).isEqualTo(new BigDecimal("12345.5"));
    assertThat(ask(money).say("800").only(AnswerRecorded.class).display()).isEqualTo("800 元");
    assertThat(rejected(ask(money).say("-5"))).contains("不小于 0");
    assertThat(ask(money).question().text()).contains("单位：元");
  }

  @Test
  void date() {
    String node = "- {id: visited, type: date, prompt: 走访日期}";
    assertThat(accepted(ask(node).say("2021-10-26"))).isEqualTo("2021-10-26");
    assertThat(accepted(ask(node).say("2021年10月6日"))).isEqualTo("2021-10-06");
    assertThat(accepted(ask(node).say("2021/10/26"))).isEqualTo("2021-10-26");
    assertThat(accepted(ask(node).say("20211026"))).isEqualTo("2021-10-26");
    assertThat(ask(node).say("2021.10.26").only(AnswerRecorded.class).display()).isEqualTo("2021年10月26日");
    assertThat(rejected(ask(node).say("2021-02-30"))).contains("日期");
    assertThat(rejected(ask(node).say("10月26日"))).contains("2021-10-26");
  }

  @Test
  void textLimits() {
    String node = "- {id: name, type: text, prompt: 户主姓名, min_length: 2, max_length: 4}";
    assertThat(accepted(ask(node).say(" 张三丰 "))).isEqualTo("张三丰");
    assertThat(rejected(ask(node).say("张"))).contains("2-4 字");
    assertThat(rejected(ask(node).send(new Input.Location(1, 1, "x")))).contains("文字");
  }

  @Test
  void yesNo() {
    String node = "- {id: water, type: yes_no, prompt: 是否通自来水}";
    assertThat(accepted(ask(node).say("是"))).isEqualTo(true);
    assertThat(accepted(ask(node).say("没有"))).isEqualTo(false);
    assertThat(accepted(ask(node).say("2"))).isEqualTo(false);
    Conversation c = ask(node);
    assertThat(c.question().options()).extracting(FlowEvent.Option::key).containsExactly("yes", "no");
    assertThat(accepted(c.press("yes"))).isEqualTo(true);
    assertThat(c.events(FlowEvent.Completed.class)).hasSize(1);
    assertThat(rejected(ask(node).say("也许"))).contains("是", "否");
  }

  @Test
  void multiChoice() {
    String node = """
        - id: causes
          type: multi_choice
          prompt: 风险原因
          options: [因病, 因学, 因灾, 因残, 收入骤减, 支出骤增]
          min_count: 0
        """;
    assertThat(accepted(ask(node).say("3，1"))).isEqualTo(List.of("因病", "因灾"));
    assertThat(accepted(ask(node).say("因学、因残"))).isEqualTo(List.of("因学", "因残"));
    assertThat(ask(node).say("1 2").only(AnswerRecorded.class).display()).isEqualTo("因病、因学");
    assertThat(accepted(ask(node).say("无"))).isEqualTo(List.of());
    Conversation c = ask(node);
    c.send(new Input.MultiChoice(c.state().step(), List.of("支出骤增", "因病")));
    assertThat(accepted(c)).isEqualTo(List.of("因病", "支出骤增"));
    assertThat(rejected(ask(node).say("1,9"))).contains("没有选项 “9”");
    String two = "- {id: pick, type: multi_choice, prompt: 选两项, options: [甲, 乙, 丙], min_count: 2, max_count: 2}";
    assertThat(rejected(ask(two).say("1"))).contains("2 项");
  }

  @Test
  void photosCollectUntilDoneOrMaximum() {
    String node = "- {id: house_photos, type: photos, prompt: 请拍住房照片, min_count: 2, max_count: 3}";
    Conversation c = ask(node);
    assertThat(c.question().text()).contains("至少 2 张", "最多 3 张", "完成");
    c.send(new Input.Photo("ev-1"));
    assertThat(c.messages()).contains("第 1 张", "至少 2 张");
    assertThat(rejected(c.say("完成"))).contains("已收到 1 张");
    c.send(new Input.Photo("ev-2"));
    assertThat(c.messages()).contains("第 2 张", "完成");
    c.say("完成");
    assertThat(accepted(c)).isEqualTo(List.of("ev-1", "ev-2"));
    Conversation full = ask(node);
    full.send(new Input.Photo("a")).send(new Input.Photo("b")).send(new Input.Photo("c"));
    assertThat(accepted(full)).isEqualTo(List.of("a", "b", "c"));
    assertThat(rejected(ask(node).say("一张照片"))).contains("照片");
  }

  @Test
  void location() {
    String node = "- {id: site, type: location, prompt: 请发送项目位置}";
    Conversation c = ask(node).send(new Input.Location(39.99, 112.47, "右卫镇"));
    assertThat(accepted(c)).isEqualTo(Map.of("latitude", new BigDecimal("39.99"),
        "longitude", new BigDecimal("112.47"), "label", "右卫镇"));
    assertThat(c.only(AnswerRecorded.class).display()).isEqualTo("右卫镇");
    assertThat(rejected(ask(node).say("右卫镇"))).contains("位置");
    assertThat(rejected(ask(node).send(new Input.Location(99, 0, "")))).contains("无效");
  }

  @Test
  void revisionTravelsWithEveryAnswer() {
    assertThat(ask("- {id: a, type: text, prompt: 说明}").say("好").only(AnswerRecorded.class).revision())
        .isEqualTo(3);
  }
}
