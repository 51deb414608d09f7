package cn.dudao.bot.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.testsupport.TestPhotos;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Path tricks in media names, over real callbacks: a MediaId that is a path never reaches WeCom's
 * media/get nor the disk, and a file name that WeCom's download claims (Content-Disposition) never
 * decides where anything is written: photos land in the store under their SHA-256 only.
 */
@SpringBootTest(classes = BotApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "dudao.wecom.corp-id=" + WeComCallbacks.CORP_ID, "dudao.wecom.agent-id=" + WeComCallbacks.AGENT_ID,
        "dudao.wecom.secret=" + WeComCallbacks.SECRET, "dudao.wecom.token=" + WeComCallbacks.TOKEN,
        "dudao.wecom.aes-key=" + WeComCallbacks.AES_KEY,
        "dudao.evidence.download-attempts=2", "dudao.evidence.download-backoff=50ms"})
class MediaPathTricksIT {

  private static final String USER = "wangcheng";
  private static final String OTHER = "renyanfang";
  private static final WeComApiStub WECOM = new WeComApiStub().start();
  private static final Path MEDIA = tempDir();

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
  JdbcTemplate jdbc;

  @Test
  void mediaIdsThatArePathsAreNeverFetchedNorWritten() {
    WeComCallbacks callbacks = new WeComCallbacks("http://127.0.0.1:" + port);
    List<String> tricks = List.of("../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "/etc/passwd", "a/../../b",
        "..\\..\\windows\\win.ini", "m-ok/../../x", "%00", "~root", "m-ok.jpg;rm");
    for (String mediaId : tricks) {
      String xml = WeComCallbacks.imageXml(USER, WeComCallbacks.nextMsgId(), mediaId);
      assertThat(callbacks.post(xml)).as(mediaId).isEqualTo(200);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM inbound_messages "
        + "WHERE user_id = ? AND status = 'PENDING'", USER) == 0);

    assertThat(WECOM.server().findAll(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/cgi-bin/media/get"))))
        .as("media/get never asked for a path")
        .allSatisfy(r -> assertThat(r.queryParameter("media_id").firstValue()).matches("m-trick-\\d"));
    assertThat(count("SELECT COUNT(*) FROM evidence WHERE uploader = ?", USER)).isZero();
    assertThat(count("SELECT COUNT(*) FROM media_fetches WHERE user_id = ? AND outcome = 'BAD_MEDIA_ID'", USER))
        .isEqualTo(tricks.size());
    assertThat(filesUnder(MEDIA)).allSatisfy(f -> assertThat(f.getFileName().toString()).matches("[0-9a-f]{64}"));
  }

  @Test
  void aFileNameClaimedByTheDownloadDoesNotDecideWhereThePhotoIsWritten() {
    WeComCallbacks callbacks = new WeComCallbacks("http://127.0.0.1:" + port);
    String marker = "dudao-trick-" + UUID.randomUUID();
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    byte[] photo = TestPhotos.jpeg(640, 480, 7, TestPhotos.Exif.none());
    String[] claimed = {"../../../../../../tmp/" + marker + ".jpg", "/tmp/" + marker + "-abs.jpg",
        "..\\..\\" + marker + "-win.jpg"};
    for (int i = 0; i < claimed.length; i++) {
      String mediaId = "m-trick-" + i;
      WECOM.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/cgi-bin/media/get"))
          .withQueryParam("media_id", WireMock.equalTo(mediaId))
          .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "image/jpeg")
              .withHeader("Content-Disposition", "attachment; filename=\"" + claimed[i] + "\"")
              .withBody(photo)));
      assertThat(callbacks.post(WeComCallbacks.imageXml(OTHER, WeComCallbacks.nextMsgId(), mediaId)))
          .isEqualTo(200);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM media_fetches WHERE user_id = ?",
        OTHER) == claimed.length);

    // The same bytes three times: one blob (and its thumbnail) under its hash, nowhere else.
    assertThat(count("SELECT COUNT(*) FROM media_fetches WHERE user_id = ? AND outcome = 'STORED'", OTHER))
        .isEqualTo(claimed.length);
    assertThat(filesUnder(MEDIA)).allSatisfy(f -> {
      assertThat(MEDIA.relativize(f).toString()).startsWith("blobs");
      assertThat(f.getFileName().toString()).matches("[0-9a-f]{64}");
    }).hasSize(2);
    Path workingDir = Path.of("").toAbsolutePath();
    for (String name : claimed) {
      assertThat(tmp.resolve(name).normalize()).doesNotExist();
      assertThat(workingDir.resolve(name).normalize()).doesNotExist();
      assertThat(MEDIA.resolve(name).normalize()).doesNotExist();
    }
    assertThat(topLevel(tmp)).noneMatch(f -> f.getFileName().toString().contains(marker));
  }

  private static List<Path> topLevel(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  private static List<Path> filesUnder(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("dudao-media-tricks");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
