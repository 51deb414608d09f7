package cn.dudao.bot.reminder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.zip.CRC32;

/**
 * When one reminder goes: the rule's time plus a stable per-recipient offset within the rule's window
 * (so a team does not get its reminders in one burst), moved off the minute around every :00 and :30
 * (when everyone else's scheduled messages hit WeCom), and out of quiet hours into the half hour after
 * they end. The same inputs give the same instant on every node; the outbox moves a reminder's retries
 * out of quiet hours the same way ({@link QuietSendWindow}).
 */
final class SendSlots {

  /** Reminders pushed out of quiet hours spread over this long after they end. */
  static final Duration AFTER_QUIET_SPREAD = Duration.ofMinutes(30);

  private final QuietHours quiet;

  SendSlots(QuietHours quiet) {
    this.quiet = quiet;
  }

  Instant slot(LocalDate day, LocalTime sendAt, int spreadMinutes, String key) {
    long hash = hash(key + "|" + day);
    ZonedDateTime at = day.atTime(sendAt).atZone(quiet.zone());
    if (spreadMinutes > 0) {
      at = at.plusSeconds(Math.floorMod(hash, spreadMinutes * 60L));
    }
    at = offTheHalfHour(at);
    if (quiet.contains(at)) {
      at = afterQuietHours(at, hash);
    }
    return at.toInstant();
  }

  /**
   * {@code at} itself, or when it lies in quiet hours a moment in the half hour after they end, stable per
   * key and morning: where the outbox moves a reminder's retry or delayed send.
   */
  Instant outOfQuietHours(Instant at, String key) {
    ZonedDateTime local = at.atZone(quiet.zone());
    if (!quiet.contains(local)) {
      return at;
    }
    return afterQuietHours(local, hash(key + "|" + quiet.endAfter(local).toLocalDate())).toInstant();
  }

  private ZonedDateTime afterQuietHours(ZonedDateTime at, long hash) {
    return offTheHalfHour(quiet.endAfter(at).plusSeconds(Math.floorMod(hash, AFTER_QUIET_SPREAD.toSeconds())));
  }

  /** Moves an instant within a minute of :00 or :30 to the second minute after it. */
  static ZonedDateTime offTheHalfHour(ZonedDateTime at) {
    int intoHalfHour = at.getMinute() % 30 * 60 + at.getSecond();
    if (intoHalfHour < 60) {
      return at.plusSeconds(60);
    }
    if (intoHalfHour >= 29 * 60) {
      return at.plusSeconds(120);
    }
    return at;
  }

  static boolean nearHalfHour(ZonedDateTime at) {
    int intoHalfHour = at.getMinute() % 30 * 60 + at.getSecond();
    return intoHalfHour < 60 || intoHalfHour >= 29 * 60;
  }

  private static long hash(String key) {
    CRC32 crc = new CRC32();
    crc.update(key.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }
}
