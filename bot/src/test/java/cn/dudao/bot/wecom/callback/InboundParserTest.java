package cn.dudao.bot.wecom.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundMessage.Channel;
import cn.dudao.bot.inbox.InboundMessage.Kind;
import cn.dudao.bot.wecom.callback.CallbackRejectedException.Reason;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inner XML of every kind WeCom sends (消息格式 path/90239, 事件格式 path/90240) to InboundMessage. */
class InboundParserTest {

  private static final String HEAD = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
      + "<FromUserName><![CDATA[tanjinhua]]></FromUserName><CreateTime>1700000000</CreateTime>";
  private static final String TAIL = "<AgentID>1000002</AgentID></xml>";

  private final InboundParser parser = new InboundParser();

  @Test
  void text() {
    InboundMessage m = parse("<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[ 达标 ]]></Content>"
        + "<MsgId>123</MsgId>");
    assertThat(m.channel()).isEqualTo(Channel.WECOM);
    assertThat(m.kind()).isEqualTo(Kind.TEXT);
    assertThat(m.userId()).isEqualTo("tanjinhua");
    assertThat(m.createdAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(m.text()).isEqualTo(" 达标 ");
    assertThat(m.dedupeKey()).isEqualTo("msg:123");
    assertThat(m.agentId()).isEqualTo(1000002);
    assertThat(m.selectedKeys()).isEmpty();
  }

  @Test
  void mediaMessagesKeepTheirMediaId() {
    InboundMessage image = parse("<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://p/1.jpg]]></PicUrl>"
        + "<MediaId><![CDATA[m-img]]></MediaId><MsgId>1</MsgId>");
    assertThat(image.kind()).isEqualTo(Kind.IMAGE);
    assertThat(image.mediaId()).isEqualTo("m-img");
    assertThat(image.picUrl()).isEqualTo("http://p/1.jpg");
    InboundMessage voice = parse("<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[m-v]]></MediaId>"
        + "<Format><![CDATA[amr]]></Format><MsgId>2</MsgId>");
    assertThat(voice.kind()).isEqualTo(Kind.VOICE);
    assertThat(voice.mediaId()).isEqualTo("m-v");
    InboundMessage video = parse("<MsgType><![CDATA[video]]></MsgType><MediaId><![CDATA[m-vid]]></MediaId>"
        + "<ThumbMediaId><![CDATA[t]]></ThumbMediaId><MsgId>3</MsgId>");
    assertThat(video.kind()).isEqualTo(Kind.VIDEO);
    assertThat(video.mediaId()).isEqualTo("m-vid");
    InboundMessage file = parse("<MsgType><![CDATA[file]]></MsgType><MediaId><![CDATA[m-f]]></MediaId>"
        + "<MsgId>4</MsgId>");
    assertThat(file.kind()).isEqualTo(Kind.FILE);
    assertThat(file.mediaId()).isEqualTo("m-f");
    assertThat(file.dedupeKey()).isEqualTo("msg:4");
  }

  @Test
  void locationAndLink() {
    InboundMessage location = parse("<MsgType><![CDATA[location]]></MsgType><Location_X>39.16</Location_X>"
        + "<Location_Y>112.47</Location_Y><Scale>15</Scale><Label><![CDATA[右玉县新城镇]]></Label><MsgId>5</MsgId>");
    assertThat(location.kind()).isEqualTo(Kind.LOCATION);
    assertThat(location.latitude()).isEqualTo(39.16);
    assertThat(location.longitude()).isEqualTo(112.47);
    assertThat(location.label()).isEqualTo("右玉县新城镇");
    InboundMessage link = parse("<MsgType><![CDATA[link]]></MsgType><Title><![CDATA[通知]]></Title>"
        + "<Description><![CDATA[d]]></Description><Url><![CDATA[https://example.cn/a]]></Url>"
        + "<PicUrl><![CDATA[https://example.cn/p.png]]></PicUrl><MsgId>6</MsgId>");
    assertThat(link.kind()).isEqualTo(Kind.LINK);
    assertThat(link.text()).isEqualTo("https://example.cn/a");
    assertThat(link.label()).isEqualTo("通知");
    assertThat(link.picUrl()).isEqualTo("https://example.cn/p.png");
  }

  @Test
  void enterAgentClickViewAndLocationEvents() {
    InboundMessage enter = parse(event("enter_agent") + "<EventKey><![CDATA[]]></EventKey>");
    assertThat(enter.kind()).isEqualTo(Kind.ENTER_AGENT);
    assertThat(enter.text()).isNull();
    assertThat(enter.dedupeKey()).isEqualTo("evt:tanjinhua:1700000000:enter_agent");
    InboundMessage click = parse(event("click") + "<EventKey><![CDATA[start_check]]></EventKey>");
    assertThat(click.kind()).isEqualTo(Kind.MENU_CLICK);
    assertThat(click.text()).isEqualTo("start_check");
    assertThat(click.dedupeKey()).isEqualTo("evt:tanjinhua:1700000000:click:start_check");
    InboundMessage view = parse(event("view") + "<EventKey><![CDATA[https://example.cn]]></EventKey>");
    assertThat(view.kind()).isEqualTo(Kind.OTHER_EVENT);
    InboundMessage report = parse(event("LOCATION") + "<Latitude>39.16</Latitude><Longitude>112.47</Longitude>"
        + "<Precision>30.0</Precision>");
    assertThat(report.kind()).isEqualTo(Kind.LOCATION_REPORT);
    assertThat(report.latitude()).isEqualTo(39.16);
    assertThat(report.longitude()).isEqualTo(112.47);
    assertThat(parse(event("change_contact")).kind()).isEqualTo(Kind.OTHER_EVENT);
  }

  @Test
  void buttonCardEvent() {
    InboundMessage m = parse(card("<EventKey><![CDATA[item3:pass]]></EventKey>", "button_interaction", ""));
    assertThat(m.kind()).isEqualTo(Kind.CARD_EVENT);
    assertThat(m.text()).isEqualTo("item3:pass");
    assertThat(m.taskId()).isEqualTo("task-42");
    assertThat(m.responseCode()).isEqualTo("rc-xyz");
    assertThat(m.selectedKeys()).isEmpty();
    assertThat(m.dedupeKey()).isEqualTo("evt:tanjinhua:1700000000:template_card_event:item3:pass:task-42");
    assertThat(m.agentId()).isEqualTo(1000002);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // documented: SelectedItems/SelectedItem/QuestionKey/OptionIds/OptionId
      "<SelectedItems><SelectedItem><QuestionKey><![CDATA[q1]]></QuestionKey><OptionIds>"
          + "<OptionId><![CDATA[opt_a]]></OptionId><OptionId><![CDATA[opt_b]]></OptionId></OptionIds></SelectedItem>"
          + "<SelectedItem><QuestionKey>q2</QuestionKey><OptionIds><OptionId>opt_c</OptionId></OptionIds>"
          + "</SelectedItem></SelectedItems>",
      // no OptionIds wrapper
      "<SelectedItems><SelectedItem><QuestionKey>q1</QuestionKey><OptionId>opt_a</OptionId>"
          + "<OptionId>opt_b</OptionId></SelectedItem><SelectedItem><OptionId>opt_c</OptionId></SelectedItem>"
          + "</SelectedItems>",
      // no SelectedItems wrapper
      "<SelectedItem><QuestionKey>q1</QuestionKey><OptionIds><OptionId>opt_a</OptionId>"
          + "<OptionId>opt_b</OptionId><OptionId>opt_c</OptionId></OptionIds></SelectedItem>",
      // serializer item names inside OptionIds
      "<SelectedItems><SelectedItem><QuestionKey>q1</QuestionKey><OptionIds><string>opt_a</string>"
          + "<string>opt_b</string><string>opt_c</string></OptionIds></SelectedItem></SelectedItems>",
      // snake_case
      "<selected_items><selected_item><question_key>q1</question_key><option_ids><option_id>opt_a</option_id>"
          + "<option_id>opt_b</option_id><option_id>opt_c</option_id></option_ids></selected_item></selected_items>",
      // comma-separated OptionIds text
      "<SelectedItems><SelectedItem><QuestionKey>q1</QuestionKey><OptionIds><![CDATA[opt_a, opt_b,opt_c]]>"
          + "</OptionIds></SelectedItem></SelectedItems>"})
  void selectionCardEventReadsEverySpelling(String selection) {
    InboundMessage m = parse(card("<EventKey><![CDATA[submit]]></EventKey>", "multiple_interaction", selection));
    assertThat(m.kind()).isEqualTo(Kind.CARD_EVENT);
    assertThat(m.text()).isEqualTo("submit");
    assertThat(m.selectedKeys()).containsExactly("opt_a", "opt_b", "opt_c");
  }

  @Test
  void dedupeKeysAreStableForRetriesAndDistinctForDistinctPresses() {
    String pass = card("<EventKey>pass</EventKey>", "button_interaction", "");
    assertThat(parse(pass).dedupeKey()).isEqualTo(parse(pass).dedupeKey());
    assertThat(parse(pass).dedupeKey())
        .isNotEqualTo(parse(card("<EventKey>fail</EventKey>", "button_interaction", "")).dedupeKey())
        .isNotEqualTo(parse(pass.replace("task-42", "task-43")).dedupeKey());
    assertThat(parse("<MsgType>text</MsgType><Content>x</Content>").dedupeKey())
        .isEqualTo("msg:tanjinhua:1700000000:text");
    assertThat(parse("<MsgType>miniprogram</MsgType><MsgId>9</MsgId>"))
        .extracting(InboundMessage::kind, InboundMessage::dedupeKey).containsExactly(Kind.OTHER_EVENT, "msg:9");
  }

  @Test
  void missingOrBrokenRequiredFieldsAreRefused() {
    String[] bad = {
        "<xml><CreateTime>1</CreateTime><MsgType>text</MsgType></xml>",
        "<xml><FromUserName>u</FromUserName><MsgType>text</MsgType></xml>",
        "<xml><FromUserName>u</FromUserName><CreateTime>1</CreateTime></xml>",
        "<xml><FromUserName> </FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType></xml>",
        "<xml><FromUserName>u</FromUserName><CreateTime>soon</CreateTime><MsgType>text</MsgType></xml>",
        "<xml><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType></xml>",
        HEAD + "<MsgType>location</MsgType><Location_X>north</Location_X>" + TAIL,
        HEAD + "<MsgType>text</MsgType><AgentID>x</AgentID></xml>",
        "<xml><FromUserName>u</FromUserName>", "", "<!DOCTYPE xml><xml/>"};
    for (String xml : bad) {
      CallbackRejectedException e = catchThrowableOfType(CallbackRejectedException.class, () -> parser.parse(xml));
      assertThat(e).as(xml).isNotNull();
      assertThat(e.reason()).isEqualTo(Reason.MALFORMED_BODY);
    }
  }

  private InboundMessage parse(String body) {
    return parser.parse(HEAD + body + TAIL);
  }

  private static String event(String name) {
    return "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + name + "]]></Event>";
  }

  private static String card(String eventKey, String cardType, String selection) {
    return event("template_card_event") + eventKey + "<TaskId><![CDATA[task-42]]></TaskId><CardType><![CDATA["
        + cardType + "]]></CardType><ResponseCode><![CDATA[rc-xyz]]></ResponseCode>" + selection;
  }
}
