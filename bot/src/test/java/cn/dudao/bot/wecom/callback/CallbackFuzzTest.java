package cn.dudao.bot.wecom.callback;

import static cn.dudao.bot.wecom.callback.WeComSamples.CORP_ID;
import static cn.dudao.bot.wecom.callback.WeComSamples.crypto;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of valid callbacks (body bytes and query parameters): each is either opened and
 * parsed, or refused with a {@link CallbackRejectedException}; nothing else may escape (no server error).
 */
class CallbackFuzzTest {

  private static final String NOW = "1700000000";
  private static final String INNER = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
      + "<FromUserName><![CDATA[tanjinhua]]></FromUserName><CreateTime>1700000000</CreateTime>"
      + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>"
      + "<EventKey><![CDATA[submit]]></EventKey><TaskId><![CDATA[t1]]></TaskId>"
      + "<SelectedItems><SelectedItem><QuestionKey>q</QuestionKey><OptionIds><OptionId>a</OptionId>"
      + "</OptionIds></SelectedItem></SelectedItems><AgentID>1000002</AgentID></xml>";
  private static final byte[] ALPHABET = "<>/![]&;=\"' \n\u0000AZaz09+/-_%".getBytes(StandardCharsets.ISO_8859_1);

  @Test
  void mutatedCallbacksNeverEscapeAsAnythingButARefusal() {
    CallbackCrypto crypto = crypto(CORP_ID, NOW);
    InboundParser parser = new InboundParser();
    Random random = new Random(20240601L);
    int opened = 0;
    int refused = 0;
    for (int i = 0; i < 3_000; i++) {
      SealedCallback sealed = crypto.seal(INNER, NOW, "n" + i);
      int edits = i % 4 == 0 ? 0 : 1 + random.nextInt(4);
      byte[] body = mutate(sealed.body().getBytes(StandardCharsets.UTF_8), random, edits);
      String signature = i % 4 == 0 ? mutate(sealed.msgSignature(), random) : sealed.msgSignature();
      String timestamp = i % 13 == 0 ? mutate(NOW, random) : NOW;
      try {
        parser.parse(crypto.openMessage(signature, timestamp, sealed.nonce(), body));
        opened++;
      } catch (CallbackRejectedException e) {
        refused++;
      }
    }
    assertThat(opened + refused).isEqualTo(3_000);
    assertThat(refused).isPositive();
  }

  private static byte[] mutate(byte[] input, Random random, int edits) {
    byte[] out = input.clone();
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(out.length);
      switch (random.nextInt(3)) {
        case 0 -> out[at] = ALPHABET[random.nextInt(ALPHABET.length)];
        case 1 -> out[at] = (byte) random.nextInt(256);
        default -> out = java.util.Arrays.copyOf(out, at);
      }
      if (out.length == 0) {
        return out;
      }
    }
    return out;
  }

  private static String mutate(String input, Random random) {
    return new String(mutate(input.getBytes(StandardCharsets.ISO_8859_1), random, 1), StandardCharsets.ISO_8859_1);
  }
}
