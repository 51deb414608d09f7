package cn.dudao.bot.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSystemEvidenceStoreTest {

  @TempDir
  Path root;

  @Test
  void theSameBytesAreStoredOnceUnderTheirSha256() throws Exception {
    FileSystemEvidenceStore store = new FileSystemEvidenceStore(root);
    byte[] content = "a photo".getBytes(StandardCharsets.UTF_8);

    String first = store.put(content);
    String second = store.put(content.clone());

    assertThat(first).isEqualTo(second).isEqualTo("d4e24d749a4fe2f161af2de913c0402b04e3ae287dafd0f9dbfa4a5c56c69285");
    assertThat(store.contains(first)).isTrue();
    try (InputStream in = store.open(first).orElseThrow()) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).toList()).hasSize(1)
          .allSatisfy(p -> assertThat(p).hasFileName(first).startsWith(root.resolve("blobs")));
    }
  }

  @Test
  void anAbsentKeyIsEmpty() throws Exception {
    FileSystemEvidenceStore store = new FileSystemEvidenceStore(root);
    String absent = "0".repeat(64);
    assertThat(store.open(absent)).isEmpty();
    assertThat(store.contains(absent)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../../etc/passwd", "/etc/passwd", "..", "", "abc",
      "0000000000000000000000000000000000000000000000000000000000000000/../../x",
      "ABCDEF0000000000000000000000000000000000000000000000000000000000",
      "g000000000000000000000000000000000000000000000000000000000000000",
      "00000000000000000000000000000000000000000000000000000000000000000",
      "..%2F..%2Fetc%2Fpasswd", "000000000000000000000000000000000000000000000000000000000000000\u0000"})
  void anythingButASha256IsRefusedBeforeTouchingTheDisk(String key) throws Exception {
    FileSystemEvidenceStore store = new FileSystemEvidenceStore(root);
    assertThatThrownBy(() -> store.open(key)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.contains(key)).isInstanceOf(IllegalArgumentException.class);
    assertThat(EvidenceStore.isKey(key)).isFalse();
  }

  @Test
  void nullIsNoKey() {
    assertThat(EvidenceStore.isKey(null)).isFalse();
    assertThatThrownBy(() -> EvidenceStore.requireKey(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nothingIsLeftBehindInTheTemporaryFolder() throws Exception {
    FileSystemEvidenceStore store = new FileSystemEvidenceStore(root);
    for (int i = 0; i < 5; i++) {
      store.put(("photo " + i).getBytes(StandardCharsets.UTF_8));
    }
    try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
      assertThat(tmp).isEmpty();
    }
  }
}
