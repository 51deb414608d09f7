package cn.dudao.bot.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dudao.bot.testsupport.S3Stand;
import cn.dudao.bot.testsupport.TestPhotos;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The S3 evidence store with the real AWS SDK against a stateful S3 stand-in: signed requests, the key
 * layout, content types, idempotent writes, the SDK's retry of a failed PUT, and a store that stays
 * down reported as an I/O failure with nothing half-written left behind. Also how configuration picks
 * the store, and that the keys stay out of every string.
 */
class S3EvidenceStoreTest {

  private static final String ACCESS_KEY = "AKIADUDAOTEST";
  private static final String SECRET_KEY = "s3cr3t-never-printed-0123456789";
  private static final S3Stand S3 = new S3Stand();

  @BeforeAll
  static void start() {
    S3.start();
  }

  @AfterAll
  static void stop() {
    S3.stop();
  }

  @AfterEach
  void recover() {
    S3.recover();
  }

  private static S3StoreProperties properties(String bucket) {
    return new S3StoreProperties(URI.create(S3.endpoint()), "ap-beijing", bucket, "dudao", true, ACCESS_KEY, SECRET_KEY,
        3, Duration.ofSeconds(10));
  }

  @Test
  void aPhotoIsStoredOnceUnderItsHashSignedAndTypedAndReadBack() throws IOException {
    byte[] photo = TestPhotos.jpeg(64, 48, 1, null);
    String sha = FileSystemEvidenceStore.sha256(photo);
    try (S3EvidenceStore store = new S3EvidenceStore(properties("layout"))) {
      assertThat(store.contains(sha)).isFalse();
      assertThat(store.put(photo)).isEqualTo(sha);
      assertThat(store.put(photo)).as("the same bytes again").isEqualTo(sha);

      String path = "/layout/dudao/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha;
      assertThat(S3.paths()).filteredOn(p -> p.startsWith("/layout/")).containsExactly(path);
      assertThat(S3.object(path).bytes()).isEqualTo(photo);
      assertThat(S3.object(path).contentType()).isEqualTo("image/jpeg");
      assertThat(S3.requests(RequestMethod.PUT, "/layout/")).as("written once, found by HEAD the second time")
          .hasSize(1);
      LoggedRequest put = S3.requests(RequestMethod.PUT, "/layout/").get(0);
      assertThat(put.getHeader("Authorization"))
          .startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/")
          .contains("/ap-beijing/s3/aws4_request").contains("SignedHeaders=").contains("Signature=")
          .doesNotContain(SECRET_KEY);
      assertThat(put.getHeader("Content-MD5")).isNotBlank();
      assertThat(put.getHeader("x-amz-content-sha256")).as("a plain signed body, no aws-chunked framing")
          .isEqualTo(sha);

      assertThat(store.contains(sha)).isTrue();
      try (InputStream in = store.open(sha).orElseThrow()) {
        assertThat(in.readAllBytes()).isEqualTo(photo);
      }
      String absent = FileSystemEvidenceStore.sha256(new byte[] {1, 2, 3});
      assertThat(store.open(absent)).isEmpty();
      assertThat(store.contains(absent)).isFalse();
      assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aPngAndAnythingElseKeepTheirTypes() throws IOException {
    byte[] png = TestPhotos.png(20, 10, 2);
    byte[] other = "not a photo".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (S3EvidenceStore store = new S3EvidenceStore(properties("types"))) {
      String pngKey = store.put(png);
      String otherKey = store.put(other);
      assertThat(S3.object("/types/dudao/" + pngKey.substring(0, 2) + "/" + pngKey.substring(2, 4) + "/" + pngKey)
          .contentType()).isEqualTo("image/png");
      assertThat(S3.object("/types/dudao/" + otherKey.substring(0, 2) + "/" + otherKey.substring(2, 4) + "/" + otherKey)
          .contentType()).isEqualTo("application/octet-stream");
    }
  }

  @Test
  void aPutThatFailsOnceIsRetriedByTheClient() throws IOException {
    byte[] photo = TestPhotos.jpeg(64, 48, 3, null);
    S3.failPuts(1, 503);
    try (S3EvidenceStore store = new S3EvidenceStore(properties("retry"))) {
      String key = store.put(photo);
      assertThat(S3.requests(RequestMethod.PUT, "/retry/")).hasSize(2);
      try (InputStream in = store.open(key).orElseThrow()) {
        assertThat(in.readAllBytes()).isEqualTo(photo);
      }
    }
  }

  @Test
  void aStoreThatStaysDownIsAnIoFailureAndLeavesNothingBehind() throws IOException {
    byte[] photo = TestPhotos.jpeg(64, 48, 4, null);
    String sha = FileSystemEvidenceStore.sha256(photo);
    S3.failAllPuts(500);
    try (S3EvidenceStore store = new S3EvidenceStore(properties("down"))) {
      assertThatThrownBy(() -> store.put(photo)).isInstanceOf(IOException.class)
          .hasMessageContaining(sha).hasMessageNotContaining(SECRET_KEY);
      assertThat(S3.requests(RequestMethod.PUT, "/down/")).as("the client's three attempts").hasSize(3);
      assertThat(store.contains(sha)).isFalse();
      S3.recover();
      assertThat(store.put(photo)).isEqualTo(sha);
      assertThat(store.contains(sha)).isTrue();
    }
  }

  @Test
  void aKeyThatMayNotListStillStores() throws IOException {
    byte[] photo = TestPhotos.jpeg(64, 48, 5, null);
    S3.failAllHeads(403);
    try (S3EvidenceStore store = new S3EvidenceStore(properties("nolist"))) {
      String key = store.put(photo);
      assertThat(S3.requests(RequestMethod.PUT, "/nolist/")).hasSize(1);
      assertThatThrownBy(() -> store.contains(key)).isInstanceOf(IOException.class);
      S3.recover();
      assertThat(store.contains(key)).isTrue();
    }
  }

  @Test
  void theKeysNeverAppearInStrings() {
    S3StoreProperties p = properties("secrets");
    assertThat(p.toString()).doesNotContain(SECRET_KEY).doesNotContain(ACCESS_KEY).contains("AKIA****");
    try (S3EvidenceStore store = new S3EvidenceStore(p)) {
      assertThat(store.toString()).doesNotContain(SECRET_KEY).doesNotContain(ACCESS_KEY);
    }
  }

  @Test
  void configurationPicksTheStoreAndRefusesAnIncompleteS3Setting() {
    ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(UserConfigurations.of(EvidenceConfiguration.class))
        .withPropertyValues("dudao.evidence.media-root=" + System.getProperty("java.io.tmpdir") + "/dudao-s3-test-media");
    runner.run(context -> assertThat(context.getBean(EvidenceStore.class)).isInstanceOf(FileSystemEvidenceStore.class));
    runner.withPropertyValues("dudao.evidence.store=s3", "dudao.evidence.s3.endpoint=" + S3.endpoint(),
            "dudao.evidence.s3.bucket=picked", "dudao.evidence.s3.path-style=true",
            "dudao.evidence.s3.access-key=" + ACCESS_KEY, "dudao.evidence.s3.secret-key=" + SECRET_KEY)
        .run(context -> assertThat(context.getBean(EvidenceStore.class)).isInstanceOf(S3EvidenceStore.class));
    runner.withPropertyValues("dudao.evidence.store=s3", "dudao.evidence.s3.bucket=picked")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .hasMessageContaining("dudao.evidence.s3.access-key").hasMessageContaining("dudao.evidence.s3.secret-key"));
    runner.withPropertyValues("dudao.evidence.store=ftp")
        .run(context -> assertThat(context.getStartupFailure()).isNotNull());
  }
}
