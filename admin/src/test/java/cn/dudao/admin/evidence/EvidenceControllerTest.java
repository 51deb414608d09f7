package cn.dudao.admin.evidence;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dudao.admin.plan.ConsoleActors;
import cn.dudao.bot.evidence.EvidenceAccess;
import cn.dudao.bot.evidence.EvidenceFiles;
import cn.dudao.bot.plan.Actor;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The evidence endpoints as a web slice (with the slice's default security; the console's own rules are
 * checked in {@link EvidenceConsoleIT}): type from the record, numbers only, nothing else reachable.
 */
@WebMvcTest(EvidenceController.class)
@ContextConfiguration(classes = EvidenceController.class)
class EvidenceControllerTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 4, 5, 6};
  private static final String SHA = "a".repeat(64);

  private static org.springframework.test.web.servlet.request.RequestPostProcessor viewer() {
    return user("viewer").roles("VIEWER");
  }

  @Autowired
  MockMvc mvc;
  @MockitoBean
  EvidenceFiles files;
  @MockitoBean
  EvidenceAccess access;
  @MockitoBean
  ConsoleActors actors;

  @BeforeEach
  void everyoneMaySee() {
    when(actors.of(any())).thenReturn(Actor.viewer("console:viewer", "viewer"));
    when(access.mayView(any(), anyLong())).thenReturn(true);
  }

  @Test
  void aPhotoOutsideTheUsersScopeIsNotFoundAndNeverOpened() throws Exception {
    when(access.mayView(any(), eq(7L))).thenReturn(false);
    mvc.perform(get("/evidence/7").with(viewer())).andExpect(status().isNotFound());
    mvc.perform(get("/evidence/7/thumb").with(viewer())).andExpect(status().isNotFound());
    verifyNoInteractions(files);
  }

  @Test
  void strangersGetNothing() throws Exception {
    mvc.perform(get("/evidence/7")).andExpect(status().isUnauthorized());
    verifyNoInteractions(files);
  }

  @Test
  void servesThePhotoWithItsStoredType() throws Exception {
    when(files.original(7L)).thenReturn(Optional.of(new EvidenceFiles.Served(7, "image/png", SHA,
        new ByteArrayInputStream(PNG))));
    mvc.perform(get("/evidence/7").with(viewer()))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "image/png"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("Content-Disposition", "inline; filename=\"evidence-7-photo.png\""))
        .andExpect(content().bytes(PNG));
  }

  @Test
  void servesTheThumbnailAsJpeg() throws Exception {
    when(files.thumbnail(8L)).thenReturn(Optional.of(new EvidenceFiles.Served(8, "image/jpeg", SHA,
        new ByteArrayInputStream(JPEG))));
    mvc.perform(get("/evidence/8/thumb").with(viewer()))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "image/jpeg"))
        .andExpect(content().bytes(JPEG));
  }

  @Test
  void anUnknownIdIsNotFound() throws Exception {
    when(files.original(anyLong())).thenReturn(Optional.empty());
    when(files.thumbnail(anyLong())).thenReturn(Optional.empty());
    mvc.perform(get("/evidence/9").with(viewer())).andExpect(status().isNotFound());
    mvc.perform(get("/evidence/9/thumb").with(viewer())).andExpect(status().isNotFound());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/evidence/..%2F..%2Fetc%2Fpasswd", "/evidence/../application.yml", "/evidence/abc",
      "/evidence/" + "a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0", "/evidence/-1",
      "/evidence/1;jsessionid=x/../../x", "/evidence/12345678901234567890", "/evidence/1/../../etc/passwd",
      "/evidence/%2e%2e/thumb"})
  void anythingButANumberReachesNoFile(String path) throws Exception {
    int status = mvc.perform(get(path).with(viewer())).andReturn().getResponse().getStatus();
    org.assertj.core.api.Assertions.assertThat(status).isIn(400, 404);
    verifyNoInteractions(files);
  }
}
