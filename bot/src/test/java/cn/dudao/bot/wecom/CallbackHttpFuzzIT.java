package cn.dudao.bot.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import cn.dudao.bot.wecom.callback.SealedCallback;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Random mutations of valid sealed callbacks sent over HTTP (body bytes, query parameters, content
 * type, chunking), with a fixed seed and a bounded count: no request may cause a server error, every
 * refused one leaves no inbound row, and every accepted one is recorded exactly once.
 */
@SpringBootTest(classes = BotApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "dudao.wecom.corp-id=" + WeComCallbacks.CORP_ID, "dudao.wecom.agent-id=" + WeComCallbacks.AGENT_ID,
        "dudao.wecom.secret=" + WeComCallbacks.SECRET, "dudao.wecom.token=" + WeComCallbacks.TOKEN,
        "dudao.wecom.aes-key=" + WeComCallbacks.AES_KEY})
class CallbackHttpFuzzIT {

  private static final int REQUESTS = 1_500;
  private static final WeComApiStub WECOM = new WeComApiStub().start();
  private static final byte[] ALPHABET = "<>/![]&;=\"' \n\u0000AZaz09+/-_%".getBytes(StandardCharsets.ISO_8859_1);
  private static final String[] CONTENT_TYPES = {"text/xml", "application/xml", "text/plain",
      "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/xml; charset=GBK", null};

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
    registry.add("dudao.wecom.api-base-url", WECOM::baseUrl);
  }

  @AfterAll
  static void stopWeCom() {
    WECOM.stop();
  }

  @LocalServerPort
  int port;
  @Autowired
  InboxRepository inbox;

  @Test
  void mutatedCallbacksNeverCauseAServerErrorAndRefusedOnesLeaveNothing() {
    WeComCallbacks callbacks = new WeComCallbacks("http://127.0.0.1:" + port);
    Random random = new Random(20261128L);
    Map<Integer, Integer> statuses = new TreeMap<>();
    long before = inbox.count();
    int accepted = 0;
    for (int i = 0; i < REQUESTS; i++) {
      long msgId = WeComCallbacks.nextMsgId();
      SealedCallback sealed = callbacks.seal(WeComCallbacks.textXml("fuzz-" + (i % 50), msgId, "开始 " + i));
      int kind = i % 5;
      byte[] body = sealed.body().getBytes(StandardCharsets.UTF_8);
      if (kind != 0) {
        body = mutate(body, random, 1 + random.nextInt(4));
      }
      String query = (kind == 0 ? random.nextBoolean() : random.nextInt(3) == 0) ? mutateQuery(sealed, random) : WeComCallbacks.query(
          sealed.msgSignature(), sealed.timestamp(), sealed.nonce());
      String contentType = i % 7 == 0 ? CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)] : "text/xml";
      int status = callbacks.postRaw(query, body, contentType, i % 11 == 0);
      statuses.merge(status, 1, Integer::sum);

      assertThat(status).as("request %d: %s", i, new String(body, StandardCharsets.UTF_8)).isLessThan(500);
      boolean stored = inbox.existsByDedupeKey("msg:" + msgId);
      if (status == 200) {
        accepted++;
        assertThat(stored).as("accepted request %d recorded", i).isTrue();
      } else {
        assertThat(status).isIn(400, 403, 413, 415);
        assertThat(stored).as("refused request %d (status %d) left a row", i, status).isFalse();
      }
    }
    assertThat(inbox.count() - before).isEqualTo(accepted);
    assertThat(statuses.keySet()).contains(400, 403);
    System.out.printf("HTTP fuzz: %d mutated callbacks, %d accepted, refused by status %s, server errors 0%n",
        REQUESTS, accepted, statuses);
  }

  private static String mutateQuery(SealedCallback sealed, Random random) {
    String signature = sealed.msgSignature();
    String timestamp = sealed.timestamp();
    String nonce = sealed.nonce();
    switch (random.nextInt(7)) {
      case 0 -> signature = mutate(signature, random);
      case 1 -> timestamp = mutate(timestamp, random);
      case 2 -> nonce = mutate(nonce, random);
      case 3 -> {
        return "timestamp=" + enc(timestamp) + "&nonce=" + enc(nonce);
      }
      case 4 -> {
        return WeComCallbacks.query(signature, timestamp, nonce) + "&timestamp=" + enc(timestamp);
      }
      case 5 -> {
        return WeComCallbacks.query(signature, timestamp, nonce) + "&echostr=x&msg_signature=";
      }
      default -> nonce = "x".repeat(1 + random.nextInt(2_000));
    }
    return WeComCallbacks.query(signature, timestamp, nonce);
  }

  private static byte[] mutate(byte[] input, Random random, int edits) {
    byte[] out = input.clone();
    for (int e = 0; e < edits && out.length > 0; e++) {
      int at = random.nextInt(out.length);
      switch (random.nextInt(4)) {
        case 0 -> out[at] = ALPHABET[random.nextInt(ALPHABET.length)];
        case 1 -> out[at] = (byte) random.nextInt(256);
        case 2 -> out = Arrays.copyOf(out, at);
        default -> {
          byte[] longer = new byte[out.length + 1];
          System.arraycopy(out, 0, longer, 0, at);
          longer[at] = ALPHABET[random.nextInt(ALPHABET.length)];
          System.arraycopy(out, at, longer, at + 1, out.length - at);
          out = longer;
        }
      }
    }
    return out;
  }

  private static String mutate(String input, Random random) {
    return new String(mutate(input.getBytes(StandardCharsets.ISO_8859_1), random, 1), StandardCharsets.ISO_8859_1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
