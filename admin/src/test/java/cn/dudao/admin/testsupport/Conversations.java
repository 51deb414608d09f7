package cn.dudao.admin.testsupport;

import static org.awaitility.Awaitility.await;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.inspection.Inspection;
import cn.dudao.bot.inspection.InspectionRepository;
import cn.dudao.bot.evidence.PhotoIntake;
import cn.dudao.bot.simulator.Transcripts;
import cn.dudao.bot.testsupport.TestPhotos;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Seeds console test data the way inspectors make it: messages into the durable inbox (simulator
 * channel), applied by the conversation worker, one at a time. Scripts for the village check, the area
 * check and a good practice, each ending with the sign-off.
 */
public final class Conversations {

  private final Inbox inbox;
  private final InboxRepository records;
  private final InspectionRepository inspections;
  private final Transcripts transcripts;
  private final PhotoIntake photos;
  private int photoSeed;

  public Conversations(Inbox inbox, InboxRepository records, InspectionRepository inspections, Transcripts transcripts,
                       PhotoIntake photos) {
    this.inbox = inbox;
    this.records = records;
    this.inspections = inspections;
    this.transcripts = transcripts;
    this.photos = photos;
  }

  /** Types a message and waits until the conversation has applied it. */
  public void say(String user, String text) {
    inbox.accept(InboundMessage.text(InboundMessage.Channel.SIMULATOR, user, Instant.now(), key(), text));
    awaitApplied(user);
  }

  /** Sends a new photo as the simulator page does (stored on upload, then an image message) and waits. */
  public void photo(String user) {
    String mediaId;
    try {
      mediaId = photos.ingest(TestPhotos.jpeg(320, 240, ++photoSeed, TestPhotos.Exif.none())).sha256();
    } catch (Exception e) {
      throw new IllegalStateException("test photo not stored", e);
    }
    inbox.accept(new InboundMessage(InboundMessage.Channel.SIMULATOR, user, Instant.now(), key(),
        InboundMessage.Kind.IMAGE, null, mediaId, null, null, null, null, null, null, List.of(), null));
    awaitApplied(user);
  }

  /**
   * The village check of the {@code villageNo}-th village in the inspector's list; items (1-based, in
   * 附件3's order) in {@code notMet} are answered 不达标 with the given description.
   */
  public Inspection villageCheck(String user, int villageNo, Map<Integer, String> notMet) {
    return villageCheck(user, villageNo, notMet, java.util.Set.of());
  }

  /** As above; items in {@code changed} are first answered 达标, then changed with 上一题 (the change is kept). */
  public Inspection villageCheck(String user, int villageNo, Map<Integer, String> notMet, java.util.Set<Integer> changed) {
    say(user, "开始");
    say(user, Integer.toString(villageNo));
    for (int item = 1; item <= 12; item++) {
      if (changed.contains(item)) {
        say(user, "达标");
        say(user, "上一题");
      }
      if (notMet.containsKey(item)) {
        say(user, "不达标");
        say(user, notMet.get(item));
      } else {
        say(user, "达标");
      }
    }
    return confirm(user);
  }

  /** One not-met indicator of an area check: its description and how many photos to send. */
  public record NotMet(String description, int photos) {}

  /**
   * The area check of the {@code areaNo}-th area in the inspector's list: indicators (1-based, in 附件2's
   * order) in {@code notMet} are 不达标, those in {@code partly} 基本达标, the rest 达标.
   */
  public Inspection areaCheck(String user, int areaNo, Map<Integer, NotMet> notMet, List<Integer> partly) {
    say(user, "乡镇督导");
    say(user, Integer.toString(areaNo));
    for (int indicator = 1; indicator <= 26; indicator++) {
      NotMet problem = notMet.get(indicator);
      if (problem != null) {
        say(user, "不达标");
        say(user, problem.description());
        photos(user, problem.photos());
      } else {
        say(user, partly.contains(indicator) ? "基本达标" : "达标");
      }
    }
    return confirm(user);
  }

  /** A good practice for the {@code areaNo}-th area in the inspector's list. */
  public Inspection goodPractice(String user, int areaNo, String title, String practice, String effect,
                                 int photoCount) {
    say(user, "典型经验");
    say(user, Integer.toString(areaNo));
    say(user, title);
    say(user, practice);
    say(user, effect);
    photos(user, photoCount);
    return confirm(user);
  }

  private void photos(String user, int count) {
    if (count == 0) {
      say(user, "跳过");
      return;
    }
    for (int i = 1; i <= count; i++) {
      photo(user);
    }
    say(user, "完成");
  }

  private Inspection confirm(String user) {
    long before = inspections.findByStatusOrderByIdAsc(Inspection.Status.CONFIRMED).size();
    say(user, "确认");
    List<Inspection> confirmed = inspections.findByStatusOrderByIdAsc(Inspection.Status.CONFIRMED);
    if (confirmed.size() != before + 1) {
      throw new AssertionError("the inspection was not signed; the chat was:\n" + chat(user));
    }
    return confirmed.get(confirmed.size() - 1);
  }

  /** The chat so far, for failure messages. */
  public String chat(String user) {
    return transcripts.of(user).stream().map(e -> (e.fromBot() ? "bot> " : "me > ") + e.text())
        .collect(Collectors.joining("\n"));
  }

  private void awaitApplied(String user) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() ->
        records.findFirstByUserIdAndStatusOrderBySentAtAscIdAsc(user, InboundRecord.Status.PENDING).isEmpty());
  }

  private static String key() {
    return "test:" + UUID.randomUUID();
  }
}
