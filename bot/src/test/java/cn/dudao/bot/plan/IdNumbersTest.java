package cn.dudao.bot.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdNumbersTest {

  @Test
  void fullNumbersAreMaskedToFirstAndLastFour() {
    assertThat(IdNumbers.read("142422199001011232").masked()).contains("1424**********1232");
    assertThat(IdNumbers.read(" 14242219850315006x ").masked()).contains("1424**********006X");
    assertThat(IdNumbers.read("142422900101123").masked()).contains("1424*******1123");
  }

  @Test
  void maskedNumbersAreTakenAsTheyAre() {
    assertThat(IdNumbers.read("1424**********1234").masked()).contains("1424**********1234");
    assertThat(IdNumbers.isMasked("1424**********123X")).isTrue();
    assertThat(IdNumbers.isMasked("142422199001011232")).isFalse();
  }

  @Test
  void aWrongCheckDigitOrShapeIsRefused() {
    assertThat(IdNumbers.read("142422199001011233").problem()).contains(IdNumbers.Problem.CHECKSUM);
    assertThat(IdNumbers.read("142422199001011233").masked()).isEqualTo(Optional.empty());
    assertThat(IdNumbers.read("1424***1234").problem()).contains(IdNumbers.Problem.FORMAT);
    assertThat(IdNumbers.read("").problem()).contains(IdNumbers.Problem.FORMAT);
    assertThat(IdNumbers.read("1.42422E+17").problem()).contains(IdNumbers.Problem.FORMAT);
  }

  @Test
  void redactionNeverShowsMoreThanTheMaskedDigits() {
    assertThat(IdNumbers.redact("142422199001011233")).isEqualTo("1424**********1233");
    assertThat(IdNumbers.redact("12345")).isEqualTo("*****");
  }

  @Test
  void aHouseholdCannotBeMadeWithAFullNumber() {
    assertThatThrownBy(() -> new Household(1L, "王大", "142422199001011232", HouseholdCategory.ORDINARY, 3, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
