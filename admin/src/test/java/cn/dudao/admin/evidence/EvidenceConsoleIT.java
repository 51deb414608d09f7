package cn.dudao.admin.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dudao.admin.AdminApplication;
import cn.dudao.bot.evidence.Evidence;
import cn.dudao.bot.evidence.EvidenceRepository;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.outbox.Outbox;
import cn.dudao.bot.outbox.OutboxRepository;
import cn.dudao.bot.testsupport.ChatDriver;
import cn.dudao.bot.testsupport.TestPhotos;
import cn.dudao.bot.testsupport.TestServices;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The console side of evidence: a simulator photo answers a photo question as a WeCom photo does (bad
 * uploads refused in Chinese), and the photo and thumbnail endpoints serve it to logged-in users only.
 */
@SpringBootTest(classes = AdminApplication.class, properties = {
    "dudao.console.admin-password=correct-horse-battery", "dudao.conversation.start-flow=evidence-check"})
@AutoConfigureMockMvc
class EvidenceConsoleIT {

  private static final Path MEDIA = tempDir();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
    registry.add("dudao.evidence.media-root", MEDIA::toString);
  }

  @Autowired
  MockMvc mvc;
  @Autowired
  EvidenceRepository evidence;
  @Autowired
  Inbox inbox;
  @Autowired
  InboxRepository inboxRecords;
  @Autowired
  OutboxRepository outboxRecords;
  @Autowired
  Outbox outbox;

  ChatDriver chat;

  @BeforeEach
  void setUp() {
    chat = new ChatDriver(inbox, inboxRecords, outboxRecords, outbox);
  }

  @Test
  void aSimulatorPhotoAnswersThePhotoQuestionAndIsServedToLoggedInUsersOnly() throws Exception {
    String user = "yangwenguang";
    toPhotoQuestion(user);

    byte[] photo = TestPhotos.jpeg(800, 600, 901, null);
    mvc.perform(upload(user, photo).with(csrf()).with(user("admin").roles("COUNTY_ADMIN")))
        .andExpect(status().isAccepted());
    await().atMost(Duration.ofSeconds(20)).until(() -> chat.last(user).contains("已收到第 1 张照片"));
    List<Evidence> stored = evidence.findByUploaderOrderByIdAsc(user).stream()
        .filter(e -> e.getKind() == Evidence.Kind.PHOTO).toList();
    assertThat(stored).hasSize(1);
    Evidence e = stored.get(0);
    assertThat(e.getChannel()).isEqualTo(InboundMessage.Channel.SIMULATOR);
    assertThat(e.getNodeId()).isEqualTo("water_photos");

    mvc.perform(get("/evidence/" + e.getId())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/evidence/" + e.getId() + "/thumb")).andExpect(status().is3xxRedirection());

    mvc.perform(get("/evidence/" + e.getId()).with(user("viewer").roles("VIEWER")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "image/jpeg"))
        .andExpect(content().bytes(photo));
    byte[] thumb = mvc.perform(get("/evidence/" + e.getId() + "/thumb").with(user("viewer").roles("VIEWER")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "image/jpeg"))
        .andReturn().getResponse().getContentAsByteArray();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumb));
    assertThat(image.getWidth()).isEqualTo(320);
    mvc.perform(get("/evidence/" + (e.getId() + 1000)).with(user("viewer").roles("VIEWER")))
        .andExpect(status().isNotFound());
  }

  @Test
  void badUploadsAreRefusedInChineseAndStoreNothing() throws Exception {
    String user = "renyanfang";
    toPhotoQuestion(user);

    String gif = mvc.perform(upload(user, "GIF89a\u0001\u0000\u0001\u0000;".getBytes(StandardCharsets.ISO_8859_1))
            .with(csrf()).with(user("admin").roles("COUNTY_ADMIN")))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(gif).contains("收到的文件不是照片");
    byte[] justOver = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(TestPhotos.jpeg(10, 10, 902, null), 0, justOver, 0, 100);
    String over = mvc.perform(upload(user, justOver).with(csrf()).with(user("admin").roles("COUNTY_ADMIN")))
        .andExpect(status().isPayloadTooLarge()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(over).contains("超过 10 MB");

    byte[] photo = TestPhotos.jpeg(64, 64, 903, null);
    mvc.perform(upload(user, photo).with(user("admin").roles("COUNTY_ADMIN"))).andExpect(status().isForbidden());
    mvc.perform(upload(user, photo).with(csrf()).with(user("viewer").roles("VIEWER"))).andExpect(status().isForbidden());
    assertThat(evidence.findByUploaderOrderByIdAsc(user)).allMatch(e -> e.getKind() == Evidence.Kind.LOCATION);
    assertThat(stored(photo)).as("refused by the console before the simulator").isFalse();
    assertThat(stored(justOver)).isFalse();
  }

  private static boolean stored(byte[] content) throws Exception {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    try (var files = Files.walk(MEDIA)) {
      return files.anyMatch(p -> p.getFileName().toString().equals(sha));
    }
  }

  private void toPhotoQuestion(String user) {
    chat.say(user, "开始");
    chat.say(user, "1");
    chat.sendLocation(user, 40.18, 112.47, "村委会");
    chat.say(user, "达标");
    assertThat(chat.last(user)).contains("请拍摄水源和入户水龙头的照片");
  }

  private static MockMultipartHttpServletRequestBuilder upload(String user, byte[] bytes) {
    return multipart("/simulator/api/photo").file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", bytes))
        .param("user", user);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("dudao-evidence-console-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
