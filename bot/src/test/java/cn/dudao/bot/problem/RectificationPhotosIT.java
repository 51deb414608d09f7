package cn.dudao.bot.problem;

import static cn.dudao.bot.testsupport.WeComApiStub.buttonKey;
import static cn.dudao.bot.testsupport.WeComApiStub.isCard;
import static cn.dudao.bot.testsupport.WeComApiStub.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.evidence.Evidence;
import cn.dudao.bot.evidence.EvidenceFlag;
import cn.dudao.bot.evidence.EvidenceFlagRepository;
import cn.dudao.bot.evidence.EvidenceLedger;
import cn.dudao.bot.evidence.EvidenceLink;
import cn.dudao.bot.evidence.EvidenceLinkRepository;
import cn.dudao.bot.evidence.EvidenceRepository;
import cn.dudao.bot.evidence.EvidenceStore;
import cn.dudao.bot.evidence.MediaOutcome;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.testsupport.TestPhotos;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
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
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5 for the rectification loop, by WeCom callbacks (each delivered three times, as WeCom retries):
 * a unit contact's photos are fetched at once outside the ack path, retried, stored once, thumbnailed
 * and linked to his report, which lists real evidence ids; the same photo twice counts once; voice,
 * a non-image and a download that keeps failing are explained while the draft stays open.
 */
@SpringBootTest(classes = BotApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "dudao.wecom.corp-id=" + WeComCallbacks.CORP_ID, "dudao.wecom.agent-id=" + WeComCallbacks.AGENT_ID,
        "dudao.wecom.secret=" + WeComCallbacks.SECRET, "dudao.wecom.token=" + WeComCallbacks.TOKEN,
        "dudao.wecom.aes-key=" + WeComCallbacks.AES_KEY,
        "dudao.evidence.download-attempts=3", "dudao.evidence.download-backoff=50ms",
        "dudao.evidence.sweep-interval=500ms"})
class RectificationPhotosIT {

  private static final String INSPECTOR = "lvliping";
  private static final String EDUCATION = "jyj-lly";
  private static final String WATER = "slj-lly";
  private static final WeComApiStub WECOM = new WeComApiStub().start();
  private static final Path MEDIA = tempDir();
  private static final AtomicLong CLICK = new AtomicLong(Instant.now().getEpochSecond());

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
  ProblemIntake intake;
  @Autowired
  ProblemRepository problems;
  @Autowired
  ProblemReportRepository reports;
  @Autowired
  RectificationDraftRepository drafts;
  @Autowired
  EvidenceRepository evidence;
  @Autowired
  EvidenceLinkRepository links;
  @Autowired
  EvidenceLedger ledger;
  @Autowired
  EvidenceFlagRepository flags;
  @Autowired
  EvidenceStore store;
  @Autowired
  InboxRepository inbox;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TransactionTemplate transactions;

  WeComCallbacks callbacks;

  @BeforeEach
  void setUp() {
    callbacks = new WeComCallbacks("http://127.0.0.1:" + port);
  }

  @Test
  void aUnitContactsPhotosAreStoredOnceLinkedToHisReportAndBadInputKeepsTheDraftOpen() throws IOException {
    long id = assignedProblem();
    JsonNode notice = awaitLast(EDUCATION, m -> isCard(m) && textOf(m).contains("整改通知（" + id + "号）"));
    press(buttonKey(notice, "签收"), "rc-ack");
    awaitLast(EDUCATION, m -> textOf(m).contains("已签收问题 " + id));
    press(buttonKey(notice, "提交整改情况"), "rc-report");
    awaitLast(EDUCATION, m -> textOf(m).contains("请提交问题 " + id));

    // A photo whose download fails once: retried off the ack path, stored, thumbnailed.
    byte[] photo = TestPhotos.jpeg(1200, 900, 501, null);
    WECOM.servePhoto("rect-a", photo, 1);
    deliver(WeComCallbacks.imageXml(EDUCATION, WeComCallbacks.nextMsgId(), "rect-a"));
    awaitLast(EDUCATION, m -> textOf(m).contains("已收到整改照片（共1张）"));
    assertThat(WECOM.mediaRequests("rect-a")).as("one failure, one success, whatever WeCom retried").isEqualTo(2);

    // The same photo again (WeCom gives it a new media id): counted once, stored once.
    WECOM.servePhoto("rect-b", photo, 0);
    deliver(WeComCallbacks.imageXml(EDUCATION, WeComCallbacks.nextMsgId(), "rect-b"));
    assertThat(textOf(awaitLast(EDUCATION, m -> textOf(m).contains("这张照片已经收到过"))))
        .contains("共1张").contains("整改情况尚未提交");

    // Voice while the report is being written: a hint, nothing downloaded.
    int mediaRequests = WECOM.mediaRequests();
    deliver(WeComCallbacks.mediaXml(EDUCATION, WeComCallbacks.nextMsgId(), "voice", "rect-voice"));
    assertThat(textOf(awaitLast(EDUCATION, m -> textOf(m).contains("语音、视频和文件无法保存"))))
        .contains("请发送整改后的照片");
    assertThat(WECOM.mediaRequests()).isEqualTo(mediaRequests);

    // A file that is no image, and a download that keeps failing: explained, the draft stays open.
    WECOM.servePhoto("rect-text", "这不是照片".getBytes(StandardCharsets.UTF_8), 0);
    deliver(WeComCallbacks.imageXml(EDUCATION, WeComCallbacks.nextMsgId(), "rect-text"));
    assertThat(textOf(awaitLast(EDUCATION, m -> textOf(m).contains(MediaOutcome.NOT_IMAGE.message()))))
        .contains("整改情况尚未提交");
    WECOM.failMedia("rect-gone");
    deliver(WeComCallbacks.imageXml(EDUCATION, WeComCallbacks.nextMsgId(), "rect-gone"));
    assertThat(textOf(awaitLast(EDUCATION, m -> textOf(m).contains(MediaOutcome.DOWNLOAD_FAILED.message()))))
        .contains("整改情况尚未提交");
    assertThat(WECOM.mediaRequests("rect-gone")).isEqualTo(3);
    assertThat(drafts.findById(EDUCATION)).as("the draft is still open").isPresent();
    assertThat(problems.findById(id).orElseThrow().getStatus()).isEqualTo(ProblemStatus.RECTIFYING);

    // The text submits the report with one real evidence id.
    deliver(WeComCallbacks.textXml(EDUCATION, WeComCallbacks.nextMsgId(), "已为该户送教上门，附照片"));
    awaitLast(EDUCATION, m -> textOf(m).contains("整改情况已提交（问题 " + id + "，照片1张）"));
    assertThat(problems.findById(id).orElseThrow().getStatus()).isEqualTo(ProblemStatus.AWAITING_REVIEW);
    assertThat(drafts.findById(EDUCATION)).isEmpty();

    List<Evidence> sent = evidence.findByUploaderOrderByIdAsc(EDUCATION);
    assertThat(sent).as("one evidence row per stored image message").hasSize(2)
        .allSatisfy(e -> assertThat(e.getSha256()).isEqualTo(sent.get(0).getSha256()));
    Evidence first = sent.get(0);
    ProblemReport report = reports.findByProblemIdOrderByIdAsc(id).get(0);
    assertThat(report.getEvidenceIds()).containsExactly(Long.toString(first.getId()));
    assertThat(links.findByEvidenceIdOrderByIdAsc(first.getId())).singleElement().satisfies(l -> {
      assertThat(l.getKind()).isEqualTo(EvidenceLink.Kind.RECTIFICATION);
      assertThat(l.getProblemId()).isEqualTo(id);
      assertThat(l.getReportId()).isEqualTo(report.getId());
      assertThat(l.getInspectionId()).isNull();
    });
    assertThat(links.findByEvidenceIdOrderByIdAsc(sent.get(1).getId())).isEmpty();
    assertThat(ledger.rectificationPhotos(id)).singleElement().satisfies(p -> {
      assertThat(p.evidenceId()).isEqualTo(first.getId());
      assertThat(p.reportId()).isEqualTo(report.getId());
      assertThat(p.uploader()).isEqualTo(EDUCATION);
      assertThat(p.thumbnail()).isTrue();
    });
    assertThat(blobFiles(first.getSha256())).as("stored once").hasSize(1);
    BufferedImage thumb = ImageIO.read(store.open(first.getThumbSha256()).orElseThrow());
    assertThat(thumb.getWidth()).isEqualTo(320);
    assertThat(jdbc.queryForList("SELECT outcome FROM media_fetches WHERE user_id = ? ORDER BY inbound_id",
        String.class, EDUCATION)).containsExactly("STORED", "STORED", "NOT_IMAGE", "DOWNLOAD_FAILED");

    // The reviewer's card counts the photo.
    JsonNode review = awaitLast(INSPECTOR, m -> isCard(m) && textOf(m).contains("整改复核（" + id + "号）"));
    assertThat(textOf(review)).contains("已为该户送教上门").doesNotContain(ProblemCards.SAME_AS_FINDING);
  }

  @Test
  void aRectificationPhotoIdenticalToTheProblemsOwnFindingPhotoIsFlaggedForTheReviewerButAccepted() {
    // The inspector's finding photo, fetched from WeCom like any other.
    byte[] photo = TestPhotos.jpeg(1000, 750, 777, null);
    WECOM.servePhoto("finding-same", photo, 0);
    deliver(WeComCallbacks.imageXml(INSPECTOR, WeComCallbacks.nextMsgId(), "finding-same"));
    Evidence finding = await().atMost(Duration.ofSeconds(20))
        .until(() -> evidence.findByUploaderOrderByIdAsc(INSPECTOR), l -> !l.isEmpty()).get(0);
    long id = assignedProblem(WATER, "drinking_water", "安全饮水", "安全饮水：一处供水设施冻损未修复",
        List.of(Long.toString(finding.getId())));

    JsonNode notice = awaitLast(WATER, m -> isCard(m) && textOf(m).contains("整改通知（" + id + "号）"));
    press(WATER, buttonKey(notice, "签收"), "same-ack");
    awaitLast(WATER, m -> textOf(m).contains("已签收问题 " + id));
    press(WATER, buttonKey(notice, "提交整改情况"), "same-report");
    awaitLast(WATER, m -> textOf(m).contains("请提交问题 " + id));
    // The unit sends back the very photo the inspector took (WeCom gives it a new media id).
    WECOM.servePhoto("rect-same", photo, 0);
    deliver(WeComCallbacks.imageXml(WATER, WeComCallbacks.nextMsgId(), "rect-same"));
    awaitLast(WATER, m -> textOf(m).contains("已收到整改照片（共1张）"));
    deliver(WeComCallbacks.textXml(WATER, WeComCallbacks.nextMsgId(), "供水设施已修复"));
    awaitLast(WATER, m -> textOf(m).contains("整改情况已提交（问题 " + id + "，照片1张）"));

    // Never blocking: the report is in review, the photo linked; the photo carries the flag.
    assertThat(problems.findById(id).orElseThrow().getStatus()).isEqualTo(ProblemStatus.AWAITING_REVIEW);
    Evidence sent = evidence.findByUploaderOrderByIdAsc(WATER).get(0);
    assertThat(sent.getSha256()).isEqualTo(finding.getSha256());
    assertThat(ledger.rectificationPhotos(id)).extracting(EvidenceLedger.RectificationPhoto::evidenceId)
        .containsExactly(sent.getId());
    assertThat(flags.findByEvidenceIdOrderByIdAsc(sent.getId())).singleElement().satisfies(f -> {
      assertThat(f.getCode()).isEqualTo(EvidenceFlag.Code.SAME_AS_FINDING_PHOTO);
      assertThat(f.getDetail()).contains("整改照片与问题照片相同").contains(Long.toString(finding.getId()));
    });
    assertThat(flags.findByEvidenceIdOrderByIdAsc(finding.getId())).isEmpty();
    JsonNode review = awaitLast(INSPECTOR, m -> isCard(m) && textOf(m).contains("整改复核（" + id + "号）"));
    assertThat(textOf(review)).contains("⚠ 整改照片与问题照片相同（1张）").contains("供水设施已修复");
  }

  /** A problem for 县教育局 in the inspector's first area, assigned (its contact gets the notice). */
  private long assignedProblem() {
    return assignedProblem(EDUCATION, "compulsory_education", "义务教育", "义务教育：一名适龄儿童未落实送教上门", List.of());
  }

  /** A problem of {@code indicator} in the inspector's first area with his evidence, for {@code contact}'s unit. */
  private long assignedProblem(String contact, String indicator, String category, String wording,
                               List<String> evidenceIds) {
    Map<String, Object> member = jdbc.queryForMap("SELECT id, plan_id, team_id FROM members WHERE wecom_user_id = ?",
        INSPECTOR);
    Long areaId = jdbc.queryForObject("SELECT id FROM areas WHERE team_id = ? ORDER BY sort_order LIMIT 1", Long.class,
        member.get("team_id"));
    Problem problem = transactions.execute(status -> intake.open(((Number) member.get("plan_id")).longValue(), null,
        null, indicator, category, wording, areaId, null, null, "右卫示例一村",
        evidenceIds, ((Number) member.get("id")).longValue(), "吕利平", InboundMessage.Channel.WECOM));
    assertThat(problem.getStatus()).isEqualTo(ProblemStatus.ASSIGNED);
    assertThat(jdbc.queryForObject("SELECT u.name FROM units u JOIN unit_contacts c ON c.unit_id = u.id"
        + " WHERE c.wecom_user_id = ? AND u.id = ?", String.class, contact, problem.getUnitId())).isNotBlank();
    return problem.getId();
  }

  private void press(String key, String responseCode) {
    press(EDUCATION, key, responseCode);
  }

  private void press(String user, String key, String responseCode) {
    deliver(WeComCallbacks.cardEventXml(user, CLICK.incrementAndGet(), key, "task-" + responseCode, responseCode));
  }

  /** Delivers a callback three times, as WeCom does when it does not hear back in time, and waits until applied. */
  private void deliver(String xml) {
    for (int delivery = 0; delivery < 3; delivery++) {
      assertThat(callbacks.post(xml)).isEqualTo(200);
    }
    await().atMost(Duration.ofSeconds(20))
        .until(() -> inbox.findAll().stream().noneMatch(r -> r.getStatus() == InboundRecord.Status.PENDING));
  }

  private JsonNode awaitLast(String user, Predicate<JsonNode> condition) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> {
      List<JsonNode> messages = WECOM.messagesTo(user);
      return messages.isEmpty() ? null : messages.get(messages.size() - 1);
    }, m -> m != null && condition.test(m));
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
      return Files.createTempDirectory("dudao-rectification-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
