package cn.dudao.bot.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Where the outbox may put a reminder's retry or delayed send, with the default quiet hours 21:00-07:30. */
class QuietSendWindowTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final LocalDate DAY = LocalDate.of(2021, 10, 29);
  private final QuietSendWindow window = new QuietSendWindow(new ReminderProperties(true, SHANGHAI,
      LocalTime.of(21, 0), LocalTime.of(7, 30), Duration.ofHours(3), Duration.ofDays(60)));

  @Test
  void aRetryOutsideQuietHoursKeepsItsTime() {
    Instant noon = at(DAY, 12, 0);
    assertThat(window.earliest(noon, "lvliping")).isEqualTo(noon);
    assertThat(window.earliest(at(DAY, 20, 59).plusSeconds(59), "lvliping")).isEqualTo(at(DAY, 20, 59).plusSeconds(59));
    assertThat(window.earliest(at(DAY, 7, 30), "lvliping")).isEqualTo(at(DAY, 7, 30));
  }

  @Test
  void aRetryInQuietHoursMovesToTheHalfHourAfterThemSpreadPerPerson() {
    ZonedDateTime morning = DAY.plusDays(1).atTime(7, 30).atZone(SHANGHAI);
    for (Instant night : new Instant[] {at(DAY, 21, 0), at(DAY, 23, 45), at(DAY.plusDays(1), 3, 0),
        at(DAY.plusDays(1), 7, 29)}) {
      assertThat(IntStream.range(0, 100).mapToObj(i -> window.earliest(night, "user" + i).atZone(SHANGHAI)))
          .allSatisfy(t -> {
            assertThat(t).isAfterOrEqualTo(morning).isBefore(morning.plusMinutes(32));
            assertThat(SendSlots.nearHalfHour(t)).isFalse();
          })
          .extracting(t -> t.getMinute()).as("spread, not a burst").hasSizeGreaterThan(1);
      assertThat(IntStream.range(0, 100).mapToObj(i -> window.earliest(night, "user" + i)).distinct().count())
          .isGreaterThan(20);
    }
    assertThat(window.earliest(at(DAY, 22, 0), "lvliping")).as("the same person, the same morning")
        .isEqualTo(window.earliest(at(DAY.plusDays(1), 5, 0), "lvliping"));
  }

  @Test
  void heldRemindersCanExistOnlyAroundQuietHours() {
    assertThat(window.mayHold(at(DAY, 12, 0))).isFalse();
    assertThat(window.mayHold(at(DAY, 20, 40))).isFalse();
    assertThat(window.mayHold(at(DAY, 20, 50))).as("a 15-minute delay would land in quiet hours").isTrue();
    assertThat(window.mayHold(at(DAY, 23, 0))).isTrue();
    assertThat(window.mayHold(at(DAY.plusDays(1), 7, 50))).as("held until up to 08:02").isTrue();
    assertThat(window.mayHold(at(DAY.plusDays(1), 8, 10))).isFalse();
  }

  private static Instant at(LocalDate day, int hour, int minute) {
    return day.atTime(hour, minute).atZone(SHANGHAI).toInstant();
  }
}
