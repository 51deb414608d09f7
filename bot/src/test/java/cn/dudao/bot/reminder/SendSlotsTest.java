package cn.dudao.bot.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SendSlotsTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final LocalDate DAY = LocalDate.of(2021, 10, 29);
  private final QuietHours quiet = new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 30), SHANGHAI);
  private final SendSlots slots = new SendSlots(quiet);

  private List<ZonedDateTime> slotsFor(LocalTime at, int spread, int people) {
    return IntStream.range(0, people)
        .mapToObj(i -> slots.slot(DAY, at, spread, "7|user" + i).atZone(SHANGHAI)).toList();
  }

  @Test
  void recipientsAreSpreadOverTheWindowNeverOnTheHourOrHalfHour() {
    List<ZonedDateTime> times = slotsFor(LocalTime.of(8, 0), 60, 500);
    ZonedDateTime start = DAY.atTime(8, 0).atZone(SHANGHAI);
    assertThat(times).allSatisfy(t -> {
      assertThat(t).isAfterOrEqualTo(start).isBefore(start.plusMinutes(62));
      assertThat(SendSlots.nearHalfHour(t)).as("%s is within a minute of :00 or :30", t).isFalse();
    });
    Set<Integer> minutes = new HashSet<>();
    times.forEach(t -> minutes.add(t.getHour() * 60 + t.getMinute()));
    assertThat(minutes).as("distinct minutes used").hasSizeGreaterThan(40);
    // No minute gets more than a small share: 500 people over about 56 usable minutes.
    assertThat(times.stream().collect(java.util.stream.Collectors.groupingBy(
        t -> t.getHour() * 60 + t.getMinute(), java.util.stream.Collectors.counting())).values())
        .allSatisfy(n -> assertThat(n).isLessThan(30));
  }

  @Test
  void theSameRecipientGetsTheSameSlotOnEveryNode() {
    Instant a = slots.slot(DAY, LocalTime.of(8, 10), 40, "3|lvliping");
    Instant b = new SendSlots(quiet).slot(DAY, LocalTime.of(8, 10), 40, "3|lvliping");
    assertThat(a).isEqualTo(b);
  }

  @Test
  void aSlotInQuietHoursMovesToTheHalfHourAfterThem() {
    List<ZonedDateTime> times = slotsFor(LocalTime.of(20, 50), 30, 200);
    ZonedDateTime morning = DAY.plusDays(1).atTime(7, 30).atZone(SHANGHAI);
    assertThat(times).allSatisfy(t -> {
      assertThat(quiet.contains(t)).as("%s is in quiet hours", t).isFalse();
      assertThat(SendSlots.nearHalfHour(t)).isFalse();
      boolean evening = t.toLocalDate().equals(DAY) && t.toLocalTime().isBefore(LocalTime.of(21, 0));
      boolean nextMorning = !t.isBefore(morning) && t.isBefore(morning.plusMinutes(32));
      assertThat(evening || nextMorning).as("%s", t).isTrue();
    });
    assertThat(times).anyMatch(t -> t.toLocalDate().equals(DAY.plusDays(1)));
  }

  @Test
  void offTheHalfHourMovesOnlyTheMinuteAroundIt() {
    ZonedDateTime base = DAY.atTime(9, 0).atZone(SHANGHAI);
    assertThat(SendSlots.offTheHalfHour(base)).isEqualTo(base.plusMinutes(1));
    assertThat(SendSlots.offTheHalfHour(base.minusSeconds(30))).isEqualTo(base.plusSeconds(90));
    assertThat(SendSlots.offTheHalfHour(base.plusMinutes(30).plusSeconds(59))).isEqualTo(base.plusMinutes(31).plusSeconds(59));
    assertThat(SendSlots.offTheHalfHour(base.plusMinutes(7))).isEqualTo(base.plusMinutes(7));
  }
}
