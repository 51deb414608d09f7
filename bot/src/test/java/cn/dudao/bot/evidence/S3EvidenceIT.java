package cn.dudao.bot.evidence;

import static cn.dudao.bot.testsupport.WeComApiStub.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.testsupport.S3Stand;
import cn.dudao.bot.testsupport.TestPhotos;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole photo path with {@code dudao.evidence.store=s3} against the S3 stand-in: while the bucket
 * refuses every upload, a photo is retried, then the inspector is told, no evidence is recorded and no
 * object exists; once the bucket works, the photo and its thumbnail are objects under the prefix, the
 * evidence row points at them and the console's reader serves the bytes back from the bucket.
 */
@SpringBootTest(classes = BotApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "dudao.wecom.corp-id=" + WeComCallbacks.CORP_ID, "dudao.wecom.agent-id=" + WeComCallbacks.AGENT_ID,
        "dudao.wecom.secret=" + WeComCallbacks.SECRET, "dudao.wecom.token=" + WeComCallbacks.TOKEN,
        "dudao.wecom.aes-key=" + WeComCallbacks.AES_KEY,
        "dudao.conversation.start-flow=evidence-check",
        "dudao.evidence.download-attempts=2", "dudao.evidence.download-backoff=50ms",
        "dudao.evidence.store=s3", "dudao.evidence.s3.bucket=evidence", "dudao.evidence.s3.prefix=county",
        "dudao.evidence.s3.path-style=true", "dudao.evidence.s3.region=ap-beijing",
        "dudao.evidence.s3.access-key=AKIADUDAOIT", "dudao.evidence.s3.secret-key=it-secret-key-0123456789"})
class S3EvidenceIT {

  private static final WeComApiStub WECOM = new WeComApiStub().start();
  private static final S3Stand S3 = new S3Stand().start();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
    registry.add("dudao.wecom.api-base-url", WECOM::baseUrl);
    registry.add("dudao.evidence.s3.endpoint", S3::endpoint);
  }

  @AfterAll
  static void stop() {
    WECOM.stop();
    S3.stop();
  }

  @LocalServerPort
  int port;
  @Autowired
  EvidenceStore store;
  @Autowired
  EvidenceRepository evidence;
  @Autowired
  EvidenceFiles files;
  @Autowired
  JdbcTemplate jdbc;

  WeComCallbacks callbacks;

  @BeforeEach
  void setUp() {
    callbacks = new WeComCallbacks("http://127.0.0.1:" + port);
  }

  @Test
  void aPhotoIsStoredInTheBucketOnlyWhenItsUploadSucceeds() throws Exception {
    assertThat(store).isInstanceOf(S3EvidenceStore.class);
    String user = "lvliping";
    byte[] photo = TestPhotos.jpeg(800, 600, 4242, null);
    WECOM.servePhoto("s3-down", photo, 0);
    WECOM.servePhoto("s3-up", photo, 0);
    toPhotoQuestion(user);

    S3.failAllPuts(503);
    image(user, "s3-down");
    assertThat(textOf(awaitReply(user, m -> textOf(m).contains(MediaOutcome.DOWNLOAD_FAILED.message()))))
        .as("the question stays open").contains("当前题目仍未完成");
    assertThat(photos(user)).as("a failed upload records no evidence").isEmpty();
    assertThat(S3.paths()).isEmpty();
    assertThat(S3.requests(RequestMethod.PUT, "/evidence/")).as("two downloads, the client's three tries each")
        .hasSize(6);

    S3.recover();
    image(user, "s3-up");
    awaitReply(user, m -> textOf(m).contains("已收到第 1 张照片"));
    Evidence stored = photos(user).get(0);
    String sha = stored.getSha256();
    assertThat(S3.paths()).contains("/evidence/county/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha,
        "/evidence/county/" + stored.getThumbSha256().substring(0, 2) + "/" + stored.getThumbSha256().substring(2, 4)
            + "/" + stored.getThumbSha256()).hasSize(2);
    try (InputStream in = files.original(stored.getId()).orElseThrow().content()) {
      assertThat(in.readAllBytes()).isEqualTo(photo);
    }
    assertThat(files.thumbnail(stored.getId())).isPresent();
    assertThat(jdbc.queryForList("SELECT outcome FROM media_fetches WHERE user_id = ? ORDER BY inbound_id", String.class,
        user)).containsExactly("DOWNLOAD_FAILED", "STORED");
  }

  private List<Evidence> photos(String user) {
    return evidence.findByUploaderOrderByIdAsc(user).stream().filter(e -> e.getKind() == Evidence.Kind.PHOTO).toList();
  }

  private void toPhotoQuestion(String user) {
    text(user, "开始");
    awaitReply(user, m -> textOf(m).contains("请选择要核查的行政村"));
    text(user, "1");
    awaitReply(user, m -> textOf(m).contains("请发送您到达村委会时的位置"));
    deliver(WeComCallbacks.locationXml(user, WeComCallbacks.nextMsgId(), 40.0, 112.4, "右卫示例一村村委会"));
    awaitReply(user, m -> textOf(m).contains("安全饮水是否达标"));
    text(user, "达标");
    awaitReply(user, m -> textOf(m).contains("请拍摄水源和入户水龙头的照片"));
  }

  private void text(String user, String content) {
    deliver(WeComCallbacks.textXml(user, WeComCallbacks.nextMsgId(), content));
  }

  private void image(String user, String mediaId) {
    deliver(WeComCallbacks.imageXml(user, WeComCallbacks.nextMsgId(), mediaId));
  }

  private void deliver(String xml) {
    assertThat(callbacks.post(xml)).isEqualTo(200);
  }

  private JsonNode awaitReply(String user, Predicate<JsonNode> condition) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> {
      List<JsonNode> messages = WECOM.messagesTo(user);
      return messages.isEmpty() ? null : messages.get(messages.size() - 1);
    }, m -> m != null && condition.test(m));
  }
}
