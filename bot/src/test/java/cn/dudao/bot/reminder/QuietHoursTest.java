package cn.dudao.bot.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final QuietHours overnight = new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 30), SHANGHAI);

  private static ZonedDateTime at(int day, int hour, int minute) {
    return LocalDate.of(2021, 10, day).atTime(hour, minute).atZone(SHANGHAI);
  }

  @Test
  void theDefaultWindowCrossesMidnight() {
    assertThat(overnight.contains(at(27, 20, 59))).isFalse();
    assertThat(overnight.contains(at(27, 21, 0))).isTrue();
    assertThat(overnight.contains(at(27, 23, 59))).isTrue();
    assertThat(overnight.contains(at(28, 3, 0))).isTrue();
    assertThat(overnight.contains(at(28, 7, 29))).isTrue();
    assertThat(overnight.contains(at(28, 7, 30))).isFalse();
    assertThat(overnight.contains(at(28, 12, 0))).isFalse();
  }

  @Test
  void theEndIsTheNextMorningBeforeMidnightAndTheSameMorningAfter() {
    assertThat(overnight.endAfter(at(27, 22, 15))).isEqualTo(at(28, 7, 30));
    assertThat(overnight.endAfter(at(28, 5, 0))).isEqualTo(at(28, 7, 30));
  }

  @Test
  void instantsAreReadInThePlansZone() {
    // 13:30 UTC is 21:30 in Shanghai.
    assertThat(overnight.contains(LocalDate.of(2021, 10, 27).atTime(13, 30).atZone(ZoneId.of("UTC")))).isTrue();
  }

  @Test
  void aDaytimeWindowAndAnEmptyOne() {
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), SHANGHAI);
    assertThat(lunch.contains(at(27, 11, 59))).isFalse();
    assertThat(lunch.contains(at(27, 13, 0))).isTrue();
    assertThat(lunch.endAfter(at(27, 13, 0))).isEqualTo(at(27, 14, 0));
    assertThat(new QuietHours(LocalTime.NOON, LocalTime.NOON, SHANGHAI).contains(at(27, 12, 0))).isFalse();
  }
}
