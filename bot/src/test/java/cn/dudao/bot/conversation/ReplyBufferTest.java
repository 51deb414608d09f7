package cn.dudao.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.outbox.OutgoingMessage;
import cn.dudao.flows.engine.FlowEvent;
import cn.dudao.flows.engine.Input;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplyBufferTest {

  private static FlowEvent.QuestionAsked question(String type, int options) {
    List<FlowEvent.Option> list = IntStream.rangeClosed(1, options)
        .mapToObj(i -> new FlowEvent.Option("o" + i, "选项" + i)).toList();
    return new FlowEvent.QuestionAsked("n", type, "第 1/12 项 · 安全饮水\n安全饮水符合地方安全饮水标准", list, 7, "全文");
  }

  @Test
  void consecutiveTextsBecomeOneMessageBeforeTheCard() {
    ReplyBuffer buffer = new ReplyBuffer();
    buffer.say("请回答 1 或 2");
    buffer.say("已暂停");
    buffer.ask(question("single_choice", 2));
    List<OutgoingMessage> out = buffer.drain(InboundMessage.Channel.WECOM);
    assertThat(out).hasSize(2);
    assertThat(out.get(0).text()).isEqualTo("请回答 1 或 2\n\n已暂停");
    assertThat(out.get(1).type()).isEqualTo(OutgoingMessage.Type.BUTTON_CARD);
    assertThat(out.get(1).title()).isEqualTo("第 1/12 项 · 安全饮水");
    assertThat(out.get(1).description()).isEqualTo("安全饮水符合地方安全饮水标准");
    assertThat(out.get(1).buttons()).extracting(OutgoingMessage.Button::key).containsExactly("a:7:o1", "a:7:o2");
    assertThat(out.get(1).text()).isEqualTo("全文");
  }

  @Test
  void choicesBeyondSixButtonsAndFreeTextStayText() {
    ReplyBuffer buffer = new ReplyBuffer();
    buffer.ask(question("single_choice", 7));
    buffer.ask(question("text", 0));
    assertThat(buffer.drain(InboundMessage.Channel.WECOM)).singleElement()
        .satisfies(m -> assertThat(m.type()).isEqualTo(OutgoingMessage.Type.TEXT));
  }

  @Test
  void multipleChoiceGoesOutAsAVoteCardWhoseSubmitKeyCarriesTheStep() {
    ReplyBuffer buffer = new ReplyBuffer();
    buffer.ask(question("multi_choice", 10));
    OutgoingMessage card = buffer.drain(InboundMessage.Channel.WECOM).get(0);
    assertThat(card.type()).isEqualTo(OutgoingMessage.Type.MULTI_CARD);
    assertThat(card.subTitle()).isEqualTo("m:7");
    assertThat(card.buttons()).hasSize(10).first().extracting(OutgoingMessage.Button::key).isEqualTo("o1");
    assertThat(CardKeys.parse("m:7", List.of("o1", "o3")))
        .contains(new Input.MultiChoice(7, List.of("o1", "o3")));
  }

  @Test
  void malformedCardKeysAreNotAnswers() {
    assertThat(CardKeys.parse("a:x:met", List.of())).isEmpty();
    assertThat(CardKeys.parse("start", List.of())).isEmpty();
    assertThat(CardKeys.parse(null, List.of())).isEmpty();
    assertThat(CardKeys.parse("a:3:not_met", List.of())).contains(new Input.Choice(3, "not_met"));
  }

  @Test
  void textsOverWeComsTwoKilobytesAreSplitAtLineEndsAndNothingIsLost() {
    String line = "第一项：达标，情况说明：" + "村".repeat(40);
    String all = String.join("\n", java.util.Collections.nCopies(40, line));
    List<String> parts = ReplyBuffer.splitForWeCom(all);
    assertThat(parts).hasSizeGreaterThan(1)
        .allSatisfy(p -> assertThat(p.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(2000));
    assertThat(String.join("\n", parts)).isEqualTo(all);
    String oneLongLine = "长".repeat(3000);
    List<String> cut = ReplyBuffer.splitForWeCom(oneLongLine);
    assertThat(String.join("", cut)).isEqualTo(oneLongLine);
    assertThat(cut).allSatisfy(p -> assertThat(p.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .hasSizeLessThanOrEqualTo(2000));
  }
}
