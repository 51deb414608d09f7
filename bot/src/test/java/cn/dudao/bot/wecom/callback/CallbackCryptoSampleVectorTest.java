package cn.dudao.bot.wecom.callback;

import static cn.dudao.bot.wecom.callback.WeComSamples.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.bot.inbox.InboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The official WeCom sample vectors, verified and decrypted exactly as WeCom sends them. */
class CallbackCryptoSampleVectorTest {

  @Test
  void urlVerificationSampleReturnsTheDecryptedEchostr() {
    CallbackCrypto crypto = crypto(CORP_ID, VERIFY_TIMESTAMP);

    String echo = crypto.verifyUrl(VERIFY_SIGNATURE, VERIFY_TIMESTAMP, VERIFY_NONCE, VERIFY_ECHOSTR);

    assertThat(echo).isEqualTo(VERIFY_PLAINTEXT);
  }

  @Test
  void postSampleDecryptsAndParses() {
    CallbackCrypto crypto = crypto(CORP_ID, POST_TIMESTAMP);

    String inner = crypto.openMessage(POST_SIGNATURE, POST_TIMESTAMP, POST_NONCE,
        POST_BODY.getBytes(StandardCharsets.UTF_8));
    InboundMessage message = new InboundParser().parse(inner);

    assertThat(inner).startsWith("<xml>").contains("<Content><![CDATA[hello]]></Content>");
    assertThat(message.channel()).isEqualTo(InboundMessage.Channel.WECOM);
    assertThat(message.kind()).isEqualTo(InboundMessage.Kind.TEXT);
    assertThat(message.userId()).isEqualTo("mycreate");
    assertThat(message.text()).isEqualTo("hello");
    assertThat(message.createdAt()).isEqualTo(Instant.ofEpochSecond(1409659813L));
    assertThat(message.dedupeKey()).isEqualTo("msg:4561255354251345929");
    assertThat(message.agentId()).isEqualTo(218);
  }

  @Test
  void sealedCallbacksOpenLikeWeComOnes() {
    CallbackCrypto crypto = crypto(CORP_ID, POST_TIMESTAMP);
    String inner = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
        + "<FromUserName><![CDATA[tanjinhua]]></FromUserName><CreateTime>1409659813</CreateTime>"
        + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[开始]]></Content>"
        + "<MsgId>42</MsgId><AgentID>218</AgentID></xml>";

    SealedCallback sealed = crypto.seal(inner, POST_TIMESTAMP, "77");

    assertThat(sealed.body()).startsWith("<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt>")
        .endsWith("<AgentID><![CDATA[218]]></AgentID></xml>");
    assertThat(crypto.openMessage(sealed.msgSignature(), sealed.timestamp(), sealed.nonce(),
        sealed.body().getBytes(StandardCharsets.UTF_8))).isEqualTo(inner);
  }
}
