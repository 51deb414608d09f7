package cn.dudao.bot.evidence;

import static cn.dudao.bot.testsupport.WeComApiStub.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inspection.Answer;
import cn.dudao.bot.inspection.AnswerRepository;
import cn.dudao.bot.inspection.Inspection;
import cn.dudao.bot.inspection.InspectionRepository;
import cn.dudao.bot.testsupport.TestPhotos;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Photos and locations end to end: encrypted callbacks as WeCom sends them (each three times), the
 * real MariaDB and Redis, WireMock serving the photos through {@code media/get} (failing first where
 * it matters), and the filesystem store in a folder of its own.
 */
@SpringBootTest(classes = BotApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "dudao.wecom.corp-id=" + WeComCallbacks.CORP_ID, "dudao.wecom.agent-id=" + WeComCallbacks.AGENT_ID,
        "dudao.wecom.secret=" + WeComCallbacks.SECRET, "dudao.wecom.token=" + WeComCallbacks.TOKEN,
        "dudao.wecom.aes-key=" + WeComCallbacks.AES_KEY,
        "dudao.conversation.start-flow=evidence-check",
        "dudao.evidence.download-attempts=3", "dudao.evidence.download-backoff=50ms",
        "dudao.evidence.sweep-interval=500ms"})
class EvidenceIT {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final WeComApiStub WECOM = new WeComApiStub().start();
  private static final Path MEDIA = tempDir();
  /** 右卫示例一村 as the tests place it; its neighbour 右卫示例二村 lies about 7 km away. */
  private static final double VILLAGE_LAT = 40.0;
  private static final double VILLAGE_LNG = 112.4;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
    registry.add("dudao.wecom.api-base-url", WECOM::baseUrl);
    registry.add("dudao.evidence.media-root", MEDIA::toString);
  }

  @AfterAll
  static void stopWeCom() {
    WECOM.stop();
  }

  @LocalServerPort
  int port;
  @Autowired
  EvidenceRepository evidence;
  @Autowired
  EvidenceFlagRepository flags;
  @Autowired
  EvidenceLinkRepository links;
  @Autowired
  AnswerRepository answers;
  @Autowired
  InspectionRepository inspections;
  @Autowired
  EvidenceStore store;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  JsonMapper json;

  WeComCallbacks callbacks;

  @BeforeEach
  void setUp() {
    callbacks = new WeComCallbacks("http://127.0.0.1:" + port);
    jdbc.update("UPDATE villages SET latitude = ?, longitude = ? WHERE name = '右卫示例一村'", VILLAGE_LAT, VILLAGE_LNG);
    jdbc.update("UPDATE villages SET latitude = ?, longitude = ? WHERE name = '右卫示例二村'", 40.05, 112.45);
  }

  @Test
  void aPhotoFailingTwiceIsStoredOnceLinkedThumbnailedAndAppliedBeforeWhatFollowedIt() throws Exception {
    String user = "lvliping";
    LocalDateTime taken = LocalDateTime.now(SHANGHAI).minusHours(1).withNano(0);
    byte[] photo = TestPhotos.jpeg(1600, 1200, 101, new TestPhotos.Exif(taken, null, 40.001, 112.401, null));
    WECOM.servePhoto("m-lv-1", photo, 2);
    toPhotoQuestion(user, 1);

    image(user, "m-lv-1");
    text(user, "完成");
    awaitReply(user, m -> textOf(m).contains("以上结果确认无误吗"));
    text(user, "确认");
    Inspection signed = await().atMost(Duration.ofSeconds(20)).until(() -> inspectionOf(user),
        i -> i.getStatus() == Inspection.Status.CONFIRMED);

    assertThat(WECOM.messagesTo(user)).noneMatch(m -> textOf(m).contains("还需要照片"));
    assertThat(WECOM.mediaRequests("m-lv-1")).as("two failures, one success, whatever WeCom retried").isEqualTo(3);
    Evidence stored = photosOf(user).get(0);
    assertThat(photosOf(user)).hasSize(1);
    assertThat(stored.getSha256()).isEqualTo(FileSystemEvidenceStore.sha256(photo));
    assertThat(stored.getMediaType()).isEqualTo("image/jpeg");
    assertThat(stored.getSizeBytes()).isEqualTo(photo.length);
    assertThat(stored.getWidth()).isEqualTo(1600);
    assertThat(stored.getHeight()).isEqualTo(1200);
    assertThat(stored.getTakenAt()).isEqualTo(taken.atZone(SHANGHAI).toInstant());
    assertThat(stored.getLatitude().doubleValue()).isEqualTo(40.001);
    assertThat(stored.getLongitude().doubleValue()).isEqualTo(112.401);
    assertThat(stored.getChannel()).isEqualTo(InboundMessage.Channel.WECOM);
    assertThat(stored.getInspectionId()).isEqualTo(signed.getId());
    assertThat(stored.getVillageId()).isEqualTo(signed.getVillageId());
    assertThat(stored.getNodeId()).isEqualTo("water_photos");
    assertThat(stored.getAnswerKey()).isEqualTo("water_photos");
    assertThat(flags.findByEvidenceIdOrderByIdAsc(stored.getId())).as("near the village, taken during the visit").isEmpty();

    Map<String, Answer> current = currentAnswers(signed.getId());
    assertThat(current.get("water_photos").getValueJson()).isEqualTo("[\"" + stored.getId() + "\"]");
    assertThat(links.findByInspectionIdAndAnswerKeyOrderByIdAsc(signed.getId(), "water_photos"))
        .extracting(EvidenceLink::getEvidenceId).containsExactly(stored.getId());

    assertThat(blobFiles(stored.getSha256())).as("stored once on disk").hasSize(1);
    try (InputStream in = store.open(stored.getSha256()).orElseThrow()) {
      assertThat(in.readAllBytes()).isEqualTo(photo);
    }
    BufferedImage thumb = ImageIO.read(store.open(stored.getThumbSha256()).orElseThrow());
    assertThat(thumb.getWidth()).isEqualTo(320);
    assertThat(thumb.getHeight()).isEqualTo(240);

    Evidence arrival = evidence.findByUploaderOrderByIdAsc(user).stream()
        .filter(e -> e.getKind() == Evidence.Kind.LOCATION).findFirst().orElseThrow();
    assertThat(arrival.getAnswerKey()).isEqualTo("arrival");
    assertThat(arrival.getLabel()).isEqualTo("右卫示例一村村委会");
    assertThat(flags.findByEvidenceIdOrderByIdAsc(arrival.getId())).isEmpty();
    assertThat(current.get("arrival").getValueJson()).contains("40.0005").contains("112.4005");
  }

  @Test
  void theSamePhotoForAnotherVillageIsFlaggedAndStillStoredOnce() {
    byte[] photo = TestPhotos.jpeg(400, 300, 202, null);
    WECOM.servePhoto("m-reuse-1", photo, 0);
    WECOM.servePhoto("m-reuse-2", photo, 0);
    toPhotoQuestion("daiyong", 1);
    image("daiyong", "m-reuse-1");
    awaitReply("daiyong", m -> textOf(m).contains("已收到第 1 张照片"));
    toPhotoQuestion("zhujianqing", 2);
    image("zhujianqing", "m-reuse-2");
    awaitReply("zhujianqing", m -> textOf(m).contains("已收到第 1 张照片"));

    Evidence first = photosOf("daiyong").get(0);
    Evidence second = photosOf("zhujianqing").get(0);
    assertThat(second.getSha256()).isEqualTo(first.getSha256());
    assertThat(second.getId()).isNotEqualTo(first.getId());
    List<EvidenceFlag> flagged = flags.findByEvidenceIdOrderByIdAsc(second.getId());
    assertThat(flagged).extracting(EvidenceFlag::getCode).containsExactly(EvidenceFlag.Code.PHOTO_REUSED);
    assertThat(flagged.get(0).getDetail()).contains("右卫示例一村").contains("daiyong");
    assertThat(blobFiles(first.getSha256())).hasSize(1);
  }

  @Test
  void aCaptureTimeOrPlaceFarFromTheVisitIsFlaggedButNeverBlocks() {
    String user = "chengyongzhong";
    LocalDateTime longAgo = LocalDateTime.now(SHANGHAI).minusDays(3).withNano(0);
    WECOM.servePhoto("m-far-1", TestPhotos.jpeg(300, 200, 303, new TestPhotos.Exif(longAgo, null, 39.0, 113.5, null)), 0);
    text(user, "开始");
    awaitReply(user, m -> textOf(m).contains("请选择要核查的行政村"));
    text(user, "1");
    awaitReply(user, m -> textOf(m).contains("请发送您到达村委会时的位置"));
    location(user, 40.6, 112.4, "别处");
    awaitReply(user, m -> textOf(m).contains("安全饮水是否达标"));
    text(user, "不达标");
    awaitReply(user, m -> textOf(m).contains("请拍摄水源"));
    image(user, "m-far-1");
    awaitReply(user, m -> textOf(m).contains("已收到第 1 张照片"));

    Evidence sentLocation = evidence.findByUploaderOrderByIdAsc(user).stream()
        .filter(e -> e.getKind() == Evidence.Kind.LOCATION).findFirst().orElseThrow();
    assertThat(flags.findByEvidenceIdOrderByIdAsc(sentLocation.getId())).singleElement()
        .satisfies(f -> assertThat(f.getCode()).isEqualTo(EvidenceFlag.Code.FAR_FROM_VILLAGE))
        .satisfies(f -> assertThat(f.getDetail()).contains("发送的位置距右卫示例一村约 66.7 公里"));
    Evidence photo = photosOf(user).get(0);
    assertThat(flags.findByEvidenceIdOrderByIdAsc(photo.getId())).extracting(EvidenceFlag::getCode)
        .containsExactlyInAnyOrder(EvidenceFlag.Code.TAKEN_OUTSIDE_VISIT, EvidenceFlag.Code.FAR_FROM_VILLAGE);
  }

  @Test
  void aPhotoOrLocationNobodyAskedForIsKeptWithTheInspectionAndAcknowledged() {
    String user = "wuaitao";
    WECOM.servePhoto("m-extra-1", TestPhotos.jpeg(200, 200, 404, null), 0);
    WECOM.servePhoto("m-extra-2", TestPhotos.png(200, 100, 405), 0);
    image(user, "m-extra-2");
    awaitReply(user, m -> textOf(m).contains("照片已保存。当前没有进行中的核查"));

    text(user, "开始");
    awaitReply(user, m -> textOf(m).contains("请选择要核查的行政村"));
    text(user, "1");
    awaitReply(user, m -> textOf(m).contains("请发送您到达村委会时的位置"));
    image(user, "m-extra-1");
    awaitReply(user, m -> textOf(m).contains("照片已保存为本次核查的附件"));
    location(user, VILLAGE_LAT, VILLAGE_LNG, "村委会");
    awaitReply(user, m -> textOf(m).contains("安全饮水是否达标"));
    location(user, VILLAGE_LAT, VILLAGE_LNG, "水源地");
    awaitReply(user, m -> textOf(m).contains("位置已保存为本次核查的附件"));

    Inspection open = inspectionOf(user);
    List<Evidence> kept = evidence.findByUploaderOrderByIdAsc(user);
    assertThat(kept).hasSize(4);
    assertThat(kept.get(0)).satisfies(e -> {
      assertThat(e.getMediaType()).isEqualTo("image/png");
      assertThat(e.getInspectionId()).isNull();
      assertThat(e.getAttachedAt()).isNotNull();
    });
    assertThat(kept.get(1)).satisfies(e -> {
      assertThat(e.getKind()).isEqualTo(Evidence.Kind.PHOTO);
      assertThat(e.getInspectionId()).isEqualTo(open.getId());
      assertThat(e.getNodeId()).isNull();
    });
    assertThat(kept.get(2).getAnswerKey()).isEqualTo("arrival");
    assertThat(kept.get(3)).satisfies(e -> {
      assertThat(e.getLabel()).isEqualTo("水源地");
      assertThat(e.getInspectionId()).isEqualTo(open.getId());
      assertThat(e.getNodeId()).isNull();
      assertThat(e.getAnswerKey()).isNull();
    });
    // Still on the same question: the attachment answered nothing.
    assertThat(currentAnswers(open.getId())).containsOnlyKeys("village", "arrival");
  }

  @Test
  void voiceVideoOrAFileWhereAPhotoIsExpectedGetTheQuestionAgainWithAHint() {
    String user = "liguangyao";
    toPhotoQuestion(user, 1);
    int before = WECOM.messagesTo(user).size();
    int mediaRequests = WECOM.mediaRequests();
    for (String type : List.of("voice", "video", "file")) {
      deliver(WeComCallbacks.mediaXml(user, WeComCallbacks.nextMsgId(), type, "m-" + type));
      awaitReplies(user, before + 1);
      JsonNode reply = WECOM.messagesTo(user).get(before);
      assertThat(textOf(reply)).contains("暂时无法识别这种消息").contains("请拍照或从相册发送照片")
          .contains("请拍摄水源和入户水龙头的照片");
      before++;
    }
    assertThat(WECOM.mediaRequests()).as("nothing downloaded for them").isEqualTo(mediaRequests);
    assertThat(evidence.findByUploaderOrderByIdAsc(user)).hasSize(1);
  }

  @Test
  void anOversizedOrNonImageFileIsRefusedClearlyAndTheQuestionStaysOpen() {
    String user = "fubingrui";
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(TestPhotos.jpeg(10, 10, 505, null), 0, big, 0, 100);
    WECOM.servePhoto("m-big", big, 0);
    WECOM.servePhoto("m-gif", "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1), 0);
    WECOM.servePhoto("m-ok", TestPhotos.jpeg(100, 100, 506, null), 0);
    toPhotoQuestion(user, 1);

    image(user, "m-big");
    awaitReply(user, m -> textOf(m).contains("这张照片超过 10 MB，未能保存") && textOf(m).contains("当前题目仍未完成"));
    image(user, "m-gif");
    awaitReply(user, m -> textOf(m).contains("收到的文件不是照片（只支持 JPG、PNG 格式）"));
    image(user, "m-ok");
    awaitReply(user, m -> textOf(m).contains("已收到第 1 张照片"));

    assertThat(photosOf(user)).hasSize(1);
    assertThat(outcomes(user)).containsExactly("TOO_LARGE", "NOT_IMAGE", "STORED");
  }

  @Test
  void aDownloadThatKeepsFailingIsToldAndTheQuestionStaysOpen() {
    String user = "wangxin";
    WECOM.failMedia("m-dead");
    WECOM.servePhoto("m-alive", TestPhotos.jpeg(120, 90, 606, null), 0);
    toPhotoQuestion(user, 1);

    image(user, "m-dead");
    awaitReply(user, m -> textOf(m).contains("这张照片多次下载失败，未能保存") && textOf(m).contains("当前题目仍未完成"));
    assertThat(WECOM.mediaRequests("m-dead")).isEqualTo(3);
    text(user, "完成");
    awaitReply(user, m -> textOf(m).contains("还需要照片：已收到 0 张"));
    image(user, "m-alive");
    awaitReply(user, m -> textOf(m).contains("已收到第 1 张照片"));
    assertThat(outcomes(user)).containsExactly("DOWNLOAD_FAILED", "STORED");
  }

  @Test
  void aMediaIdWithPathTricksIsRefusedWithoutAnyRequest() {
    String user = "tanjinhua";
    toPhotoQuestion(user, 1);
    int requests = WECOM.mediaRequests();
    image(user, "../../etc/passwd");
    awaitReply(user, m -> textOf(m).contains("这张照片无法从企业微信获取"));
    assertThat(WECOM.mediaRequests()).isEqualTo(requests);
    assertThat(outcomes(user)).containsExactly("BAD_MEDIA_ID");
  }

  @Test
  void anImageRecordedByANodeThatDiedBeforeFetchingItIsFetchedAndAppliedByTheSweep() {
    String user = "hanzhiqiang";
    WECOM.servePhoto("m-orphan", TestPhotos.jpeg(150, 100, 707, null), 1);
    toPhotoQuestion(user, 1);
    Instant sent = Instant.now().minus(Duration.ofMinutes(2));
    InboundMessage orphan = new InboundMessage(InboundMessage.Channel.WECOM, user, sent, "msg:orphan-" + sent.toEpochMilli(),
        InboundMessage.Kind.IMAGE, null, "m-orphan", null, null, null, null, null, null, List.of(), WeComCallbacks.AGENT_ID);
    jdbc.update("INSERT INTO inbound_messages (dedupe_key, channel, user_id, sent_at, received_at, kind, payload, status,"
            + " attempts) VALUES (?, 'WECOM', ?, ?, ?, 'IMAGE', ?, 'PENDING', 0)", orphan.dedupeKey(), user,
        Timestamp.from(sent), Timestamp.from(sent), json.writeValueAsString(orphan));

    awaitReply(user, m -> textOf(m).contains("已收到第 1 张照片"));
    assertThat(photosOf(user)).hasSize(1);
    assertThat(WECOM.mediaRequests("m-orphan")).isEqualTo(2);
  }

  /** Starts the flow, picks the {@code village}-th village, sends the arrival location, answers 达标. */
  private void toPhotoQuestion(String user, int village) {
    text(user, "开始");
    awaitReply(user, m -> textOf(m).contains("请选择要核查的行政村"));
    text(user, Integer.toString(village));
    awaitReply(user, m -> textOf(m).contains("请发送您到达村委会时的位置"));
    location(user, VILLAGE_LAT + 0.0005, VILLAGE_LNG + 0.0005, "右卫示例一村村委会");
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

  private void location(String user, double lat, double lng, String label) {
    deliver(WeComCallbacks.locationXml(user, WeComCallbacks.nextMsgId(), lat, lng, label));
  }

  /** Delivers a callback three times, as WeCom does when it does not hear back in time. */
  private void deliver(String xml) {
    for (int delivery = 0; delivery < 3; delivery++) {
      assertThat(callbacks.post(xml)).isEqualTo(200);
    }
  }

  private JsonNode awaitReply(String user, Predicate<JsonNode> condition) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> {
      List<JsonNode> messages = WECOM.messagesTo(user);
      return messages.isEmpty() ? null : messages.get(messages.size() - 1);
    }, m -> m != null && condition.test(m));
  }

  private void awaitReplies(String user, int count) {
    await().atMost(Duration.ofSeconds(20)).until(() -> WECOM.messagesTo(user).size() >= count);
  }

  private List<Evidence> photosOf(String user) {
    return evidence.findByUploaderOrderByIdAsc(user).stream().filter(e -> e.getKind() == Evidence.Kind.PHOTO).toList();
  }

  private List<String> outcomes(String user) {
    return jdbc.queryForList("SELECT outcome FROM media_fetches WHERE user_id = ? ORDER BY inbound_id", String.class, user);
  }

  private Inspection inspectionOf(String user) {
    Long memberId = jdbc.queryForObject("SELECT id FROM members WHERE wecom_user_id = ?", Long.class, user);
    List<Inspection> list = inspections.findByMemberIdOrderByIdAsc(memberId);
    return list.get(list.size() - 1);
  }

  private Map<String, Answer> currentAnswers(long inspectionId) {
    return answers.findByInspectionIdAndCurrentTrueOrderByIdAsc(inspectionId).stream()
        .collect(Collectors.toMap(Answer::getAnswerKey, a -> a));
  }

  private static List<Path> blobFiles(String sha256) {
    try (Stream<Path> files = Files.walk(MEDIA)) {
      return files.filter(p -> p.getFileName().toString().equals(sha256)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("dudao-evidence-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
