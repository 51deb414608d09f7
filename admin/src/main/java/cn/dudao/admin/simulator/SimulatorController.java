package cn.dudao.admin.simulator;

import cn.dudao.bot.evidence.EvidenceProperties;
import cn.dudao.bot.evidence.MediaOutcome;
import cn.dudao.bot.evidence.PhotoIntake;
import cn.dudao.bot.evidence.PhotoRejectedException;
import cn.dudao.bot.evidence.StoredPhoto;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.plan.Roster;
import cn.dudao.bot.simulator.Transcripts;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The browser chat simulator's API: act as any roster member without a WeCom account. Messages enter
 * the same durable inbox as WeCom callbacks and replies come from the same outbox, so everything but the
 * transport is what a WeCom user gets. A photo is checked and stored on upload, as WeCom's media
 * server would hold it, and then fetched from the store like any other photo. Behind the console
 * login; off with {@code dudao.simulator.enabled=false}.
 */
@RestController
@RequestMapping("/simulator/api")
@ConditionalOnProperty(name = "dudao.simulator.enabled", havingValue = "true", matchIfMissing = true)
class SimulatorController {

  /** A typed message. */
  record TextRequest(String user, String text) {}

  /** A press on a card button. */
  record PressRequest(String user, String key, String taskId, List<String> selected) {}

  /** A shared location. */
  record LocationRequest(String user, double latitude, double longitude, String label) {}

  private static final int MAX_TEXT = 2000;

  private final Inbox inbox;
  private final Transcripts transcripts;
  private final PhotoIntake photos;
  private final Roster roster;
  private final EvidenceProperties evidence;
  private final Clock clock;

  SimulatorController(Inbox inbox, Transcripts transcripts, PhotoIntake photos, Roster roster,
                      EvidenceProperties evidence, Clock clock) {
    this.inbox = inbox;
    this.transcripts = transcripts;
    this.photos = photos;
    this.roster = roster;
    this.evidence = evidence;
    this.clock = clock;
  }

  @GetMapping("/people")
  List<Transcripts.Person> people() {
    return transcripts.people();
  }

  @GetMapping("/transcript")
  List<Transcripts.Entry> transcript(@RequestParam String user) {
    return transcripts.of(user);
  }

  @PostMapping("/text")
  ResponseEntity<String> text(@RequestBody TextRequest request) {
    if (blank(request.user()) || request.text() == null || request.text().isBlank()) {
      return ResponseEntity.badRequest().body("请选择人员并输入内容");
    }
    if (request.text().length() > MAX_TEXT) {
      return ResponseEntity.badRequest().body("内容过长（最多 " + MAX_TEXT + " 字）");
    }
    inbox.accept(InboundMessage.text(InboundMessage.Channel.SIMULATOR, request.user(), clock.instant(),
        newKey(), request.text()));
    return ResponseEntity.accepted().body("");
  }

  @PostMapping("/press")
  ResponseEntity<String> press(@RequestBody PressRequest request) {
    if (blank(request.user()) || blank(request.key())) {
      return ResponseEntity.badRequest().body("缺少人员或按钮");
    }
    inbox.accept(new InboundMessage(InboundMessage.Channel.SIMULATOR, request.user(), clock.instant(), newKey(),
        InboundMessage.Kind.CARD_EVENT, request.key(), null, null, null, null, null, request.taskId(), null,
        request.selected() == null ? List.of() : request.selected(), null));
    return ResponseEntity.accepted().body("");
  }

  @PostMapping("/location")
  ResponseEntity<String> location(@RequestBody LocationRequest request) {
    if (blank(request.user())) {
      return ResponseEntity.badRequest().body("请选择人员");
    }
    inbox.accept(new InboundMessage(InboundMessage.Channel.SIMULATOR, request.user(), clock.instant(), newKey(),
        InboundMessage.Kind.LOCATION, null, null, null, request.latitude(), request.longitude(), request.label(),
        null, null, List.of(), null));
    return ResponseEntity.accepted().body("");
  }

  /** A photo, as multipart field {@code file}; the same limits as WeCom photos (10 MB, JPG or PNG). */
  @PostMapping(path = "/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<String> photo(@RequestParam("user") String user, @RequestParam("file") MultipartFile file)
      throws IOException {
    if (blank(user)) {
      return ResponseEntity.badRequest().body("请选择人员");
    }
    if (file.isEmpty()) {
      return ResponseEntity.badRequest().body("请选择要发送的照片");
    }
    String mediaId = null;
    // People on no roster are refused by the conversation; their photos are never stored.
    if (roster.findMember(user).isPresent()) {
      if (file.getSize() > evidence.maxPhotoSize().toBytes()) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(MediaOutcome.TOO_LARGE.message());
      }
      try {
        StoredPhoto stored = photos.ingest(file.getBytes());
        mediaId = stored.sha256();
      } catch (PhotoRejectedException refused) {
        return ResponseEntity.badRequest().body(refused.outcome().message());
      }
    }
    inbox.accept(new InboundMessage(InboundMessage.Channel.SIMULATOR, user, clock.instant(), newKey(),
        InboundMessage.Kind.IMAGE, null, mediaId, null, null, null, null, null, null, List.of(), null));
    return ResponseEntity.accepted().body("");
  }

  private static String newKey() {
    return "sim:" + UUID.randomUUID();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
