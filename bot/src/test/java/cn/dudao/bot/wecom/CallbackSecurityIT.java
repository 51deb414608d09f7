package cn.dudao.bot.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.outbox.OutboxRecord;
import cn.dudao.bot.outbox.OutboxRepository;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import cn.dudao.bot.wecom.callback.CallbackCrypto;
import cn.dudao.bot.wecom.callback.SealedCallback;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The callback's refusals over real HTTP, against the real MariaDB and Redis: every forged, stale,
 * oversized or malformed callback gets its status code and leaves no inbound row behind; a replayed
 * callback is recorded and answered once, by the database's dedupe key alone.
 */
@SpringBootTest(classes = BotApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "dudao.wecom.corp-id=" + WeComCallbacks.CORP_ID, "dudao.wecom.agent-id=" + WeComCallbacks.AGENT_ID,
        "dudao.wecom.secret=" + WeComCallbacks.SECRET, "dudao.wecom.token=" + WeComCallbacks.TOKEN,
        "dudao.wecom.aes-key=" + WeComCallbacks.AES_KEY})
class CallbackSecurityIT {

  private static final WeComApiStub WECOM = new WeComApiStub().start();

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
  @Autowired
  Inbox inboxService;
  @Autowired
  OutboxRepository outbox;

  WeComCallbacks callbacks;

  @BeforeEach
  void setUp() {
    callbacks = new WeComCallbacks("http://127.0.0.1:" + port);
  }

  @Test
  void forgedSignatureIsRefusedWith403AndNothingIsStored() {
    long msgId = WeComCallbacks.nextMsgId();
    SealedCallback sealed = callbacks.seal(WeComCallbacks.textXml("forger", msgId, "开始"));
    String forged = (sealed.msgSignature().charAt(0) == 'a' ? "b" : "a") + sealed.msgSignature().substring(1);

    assertRefused(msgId, 403, () -> callbacks.post(sealed.body(), forged, sealed.timestamp(), sealed.nonce()));
    // Signed with another token (someone else's app) is a forgery too.
    assertRefused(msgId, 403, () -> callbacks.post(sealed.body(),
        me.chanjar.weixin.common.util.crypto.SHA1.gen("otherToken", sealed.timestamp(), sealed.nonce(), encryptOf(sealed)),
        sealed.timestamp(), sealed.nonce()));
    // A valid signature over another nonce does not carry over.
    assertRefused(msgId, 403, () -> callbacks.post(sealed.body(), sealed.msgSignature(), sealed.timestamp(), "other"));
  }

  @Test
  void payloadForAnotherCorpIsRefusedWith403AndNothingIsStored() {
    long msgId = WeComCallbacks.nextMsgId();
    CallbackCrypto otherCorp = new CallbackCrypto(WeComCallbacks.properties("wwOtherCorp000000"), Clock.systemUTC());
    SealedCallback sealed = otherCorp.seal(WeComCallbacks.textXml("outsider", msgId, "开始"), now(), "n1");

    assertRefused(msgId, 403, () -> callbacks.post(sealed.body(), sealed.msgSignature(), sealed.timestamp(), sealed.nonce()));
  }

  @Test
  void theUnsignedOuterAgentIdIsIgnoredAndCannotRescueAForeignSignedOne() {
    // Tampering with the outer AgentID changes nothing: the message is ours and the signed id is kept.
    long ours = WeComCallbacks.nextMsgId();
    SealedCallback sealed = callbacks.seal(WeComCallbacks.textXml("agent-tamper", ours, "开始"));
    String tampered = sealed.body().replace("<AgentID><![CDATA[" + WeComCallbacks.AGENT_ID + "]]></AgentID>",
        "<AgentID><![CDATA[9999999]]></AgentID>");
    assertThat(tampered).isNotEqualTo(sealed.body());
    assertThat(callbacks.post(tampered, sealed.msgSignature(), sealed.timestamp(), sealed.nonce())).isEqualTo(200);
    InboundRecord stored = inbox.findAll().stream().filter(r -> r.getDedupeKey().equals("msg:" + ours)).findFirst()
        .orElseThrow();
    assertThat(inboxService.read(stored).agentId()).isEqualTo(WeComCallbacks.AGENT_ID);

    // A payload signed for another agent stays refused whatever the outer AgentID says.
    long foreign = WeComCallbacks.nextMsgId();
    String otherAgent = WeComCallbacks.textXml("agent-tamper", foreign, "开始")
        .replace("<AgentID>" + WeComCallbacks.AGENT_ID + "</AgentID>", "<AgentID>1000099</AgentID>");
    SealedCallback foreignSealed = callbacks.seal(otherAgent);
    assertRefused(foreign, 403,
        () -> callbacks.post(foreignSealed.body(), foreignSealed.msgSignature(), foreignSealed.timestamp(), foreignSealed.nonce()));
  }

  @Test
  void replayedCallbackIsRecordedOnceAndAnsweredOnceByTheDatabasesDedupeKey() throws Exception {
    String user = "replayer";
    long msgId = WeComCallbacks.nextMsgId();
    SealedCallback sealed = callbacks.seal(WeComCallbacks.textXml(user, msgId, "你好"));

    for (int i = 0; i < 5; i++) {
      assertThat(post(sealed)).isEqualTo(200);
    }
    // Eight copies at the same moment (WeCom's retries racing, or copies at several nodes).
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> racing = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        racing.add(pool.submit(() -> post(sealed)));
      }
      for (Future<Integer> f : racing) {
        assertThat(f.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    // A late copy after both bursts: the database's unique key refuses it (the ack path uses no Redis).
    assertThat(post(sealed)).isEqualTo(200);

    assertThat(inbox.countByUserId(user)).isEqualTo(1);
    await().atMost(Duration.ofSeconds(20)).until(() -> inbox.findByUserIdAndChannelOrderByIdAsc(user,
        InboundMessage.Channel.WECOM).get(0).getStatus() == InboundRecord.Status.DONE);
    await().atMost(Duration.ofSeconds(20)).until(() -> outbox.findByRecipientAndChannelOrderByIdAsc(user,
        InboundMessage.Channel.WECOM).stream().allMatch(o -> o.getStatus() == OutboxRecord.Status.SENT));
    assertThat(outbox.findByRecipientAndChannelOrderByIdAsc(user, InboundMessage.Channel.WECOM)).hasSize(1);
    assertThat(WECOM.messagesTo(user)).hasSize(1);

    // Replaying the same ciphertext under a fresh timestamp breaks the signature.
    assertRefusedStatus(403, () -> callbacks.post(sealed.body(), sealed.msgSignature(),
        Long.toString(Long.parseLong(sealed.timestamp()) + 1), sealed.nonce()));
    assertThat(inbox.countByUserId(user)).isEqualTo(1);
  }

  @Test
  void staleOrFutureTimestampIsRefusedWith400AndNothingIsStored() {
    long msgId = WeComCallbacks.nextMsgId();
    CallbackCrypto crypto = new CallbackCrypto(WeComCallbacks.properties(WeComCallbacks.CORP_ID), Clock.systemUTC());
    String xml = WeComCallbacks.textXml("late", msgId, "开始");
    long now = Instant.now().getEpochSecond();
    for (long timestamp : new long[] {now - 600, now + 600, 0}) {
      SealedCallback sealed = crypto.seal(xml, Long.toString(timestamp), "n" + timestamp);
      assertRefused(msgId, 400, () -> post(sealed));
    }
    SealedCallback notANumber = crypto.seal(xml, "yesterday", "n");
    assertRefused(msgId, 400, () -> post(notANumber));
  }

  @Test
  void oversizedBodyIsRefusedWith413WithOrWithoutContentLength() {
    long msgId = WeComCallbacks.nextMsgId();
    String padding = "x".repeat(70_000);
    SealedCallback sealed = callbacks.seal(WeComCallbacks.textXml("big", msgId, padding));
    byte[] body = sealed.body().getBytes(StandardCharsets.UTF_8);
    String query = WeComCallbacks.query(sealed.msgSignature(), sealed.timestamp(), sealed.nonce());

    assertRefused(msgId, 413, () -> callbacks.postRaw(query, body, "text/xml", false));
    assertRefused(msgId, 413, () -> callbacks.postRaw(query, body, "text/xml", true));
    byte[] huge = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'A');
    assertRefused(msgId, 413, () -> callbacks.postRaw(query, huge, "text/xml", true));
  }

  @Test
  void malformedBodiesAndParametersAreRefusedWith400AndNothingIsStored() {
    long msgId = WeComCallbacks.nextMsgId();
    SealedCallback sealed = callbacks.seal(WeComCallbacks.textXml("malformed", msgId, "开始"));
    String query = WeComCallbacks.query(sealed.msgSignature(), sealed.timestamp(), sealed.nonce());
    String encrypt = encryptOf(sealed);
    List<String> bodies = List.of(
        "",
        "not xml at all",
        "<xml><ToUserName>x</ToUserName></xml>",
        "<xml><Encrypt><![CDATA[" + encrypt + "]]></Encrypt>",
        "<xml><Encrypt><![CDATA[" + encrypt + "]]></Encrypt><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>",
        "<xml><Encrypt><![CDATA[!!!not-base64!!!]]></Encrypt></xml>",
        "<xml><Encrypt><![CDATA[" + encrypt.substring(0, encrypt.length() - 8) + "]]></Encrypt></xml>",
        "<xml>" + "<a>".repeat(200) + "</a>".repeat(200) + "</xml>",
        "\u0000\u0001\u0002");
    long before = inbox.count();
    for (String body : bodies) {
      int status = callbacks.postRaw(query, body.getBytes(StandardCharsets.UTF_8), "text/xml", false);
      assertThat(status).as("body %s", body.length() > 60 ? body.substring(0, 60) : body).isIn(400, 403);
    }
    assertThat(inbox.count()).isEqualTo(before);
    byte[] valid = sealed.body().getBytes(StandardCharsets.UTF_8);
    assertRefused(msgId, 400, () -> callbacks.postRaw("timestamp=" + sealed.timestamp() + "&nonce=n", valid, "text/xml", false));
    assertRefused(msgId, 400, () -> callbacks.postRaw("msg_signature=" + sealed.msgSignature(), valid, "text/xml", false));
    // The body read as a form is no body at all.
    assertRefused(msgId, 400, () -> callbacks.postRaw(query, valid, "application/x-www-form-urlencoded", false));
    // A signed and encrypted inner payload that is not a message (only a key holder could send it).
    long inner = WeComCallbacks.nextMsgId();
    SealedCallback noSender = callbacks.seal("<xml><MsgType>text</MsgType><MsgId>" + inner + "</MsgId></xml>");
    assertRefused(inner, 400, () -> post(noSender));
  }

  @Test
  void xmlEntityExpansionAndExternalEntitiesAreRefusedUnresolved() {
    long msgId = WeComCallbacks.nextMsgId();
    SealedCallback sealed = callbacks.seal(WeComCallbacks.textXml("xxe", msgId, "开始"));
    String query = WeComCallbacks.query(sealed.msgSignature(), sealed.timestamp(), sealed.nonce());
    String encrypt = encryptOf(sealed);
    String external = WECOM.baseUrl() + "/xxe-probe";
    List<String> attacks = List.of(
        "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<xml><Encrypt>&xxe;</Encrypt></xml>",
        "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + external + "\">]>"
            + "<xml><Encrypt><![CDATA[" + encrypt + "]]></Encrypt><AgentID>&xxe;</AgentID></xml>",
        "<?xml version=\"1.0\"?><!DOCTYPE xml SYSTEM \"" + external + "\"><xml><Encrypt><![CDATA[" + encrypt
            + "]]></Encrypt></xml>",
        "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY % p SYSTEM \"" + external + "\"> %p;]><xml/>",
        billionLaughs("<Encrypt><![CDATA[" + encrypt + "]]></Encrypt><ToUserName>&lol9;</ToUserName>"));
    long before = inbox.count();
    for (String attack : attacks) {
      int status = callbacks.postRaw(query, attack.getBytes(StandardCharsets.UTF_8), "text/xml", false);
      assertThat(status).as(attack).isIn(400, 403);
    }
    assertThat(inbox.count()).isEqualTo(before);
    // The same attacks inside a correctly signed and encrypted payload.
    long inner = WeComCallbacks.nextMsgId();
    SealedCallback innerXxe = callbacks.seal("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \""
        + external + "\">]>" + WeComCallbacks.textXml("xxe", inner, "&xxe;"));
    assertRefused(inner, 400, () -> post(innerXxe));
    long laughs = WeComCallbacks.nextMsgId();
    SealedCallback innerLaughs = callbacks.seal(billionLaughs("<FromUserName>xxe</FromUserName><CreateTime>"
        + now() + "</CreateTime><MsgType>text</MsgType><Content>&lol9;</Content><MsgId>" + laughs + "</MsgId>"));
    assertRefused(laughs, 400, () -> post(innerLaughs));

    // XInclude is not processed: the genuine message around it is accepted, the include never fetched.
    long included = WeComCallbacks.nextMsgId();
    SealedCallback genuine = callbacks.seal(WeComCallbacks.textXml("xinclude", included, "开始"));
    String withInclude = genuine.body().replace("<xml>", "<xml xmlns:xi=\"http://www.w3.org/2001/XInclude\">")
        .replace("</xml>", "<xi:include href=\"" + external + "\"/></xml>");
    assertThat(callbacks.post(withInclude, genuine.msgSignature(), genuine.timestamp(), genuine.nonce())).isEqualTo(200);
    assertThat(inbox.existsByDedupeKey("msg:" + included)).isTrue();

    assertThat(inbox.countByUserId("xxe")).isZero();
    assertThat(WECOM.server().getAllServeEvents()).noneMatch(e -> e.getRequest().getUrl().startsWith("/xxe-probe"));
  }

  private static String billionLaughs(String inside) {
    StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      String prev = "&lol" + (i - 1) + ";";
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">");
    }
    return dtd.append("]><xml>").append(inside).append("</xml>").toString();
  }

  private int post(SealedCallback sealed) {
    return callbacks.post(sealed.body(), sealed.msgSignature(), sealed.timestamp(), sealed.nonce());
  }

  /** Asserts the status and that the callback left no inbound row behind. */
  private void assertRefused(long msgId, int status, Callable<Integer> request) {
    long before = inbox.count();
    assertRefusedStatus(status, request);
    assertThat(inbox.existsByDedupeKey("msg:" + msgId)).as("inbound row for refused msg %s", msgId).isFalse();
    assertThat(inbox.count()).isEqualTo(before);
  }

  private static void assertRefusedStatus(int status, Callable<Integer> request) {
    try {
      assertThat(request.call()).isEqualTo(status);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String encryptOf(SealedCallback sealed) {
    String body = sealed.body();
    int start = body.indexOf("<Encrypt><![CDATA[") + "<Encrypt><![CDATA[".length();
    return body.substring(start, body.indexOf("]]></Encrypt>"));
  }

  private static String now() {
    return Long.toString(Instant.now().getEpochSecond());
  }
}
