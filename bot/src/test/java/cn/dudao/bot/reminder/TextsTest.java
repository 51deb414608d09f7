package cn.dudao.bot.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void longListsNameTheFirstFifteenAndCountAll() {
    List<String> villages = IntStream.rangeClosed(1, 40).mapToObj(i -> "示例" + i + "村").toList();
    assertThat(Texts.list(villages)).startsWith("示例1村、示例2村").contains("示例15村 等，共40个")
        .doesNotContain("示例16村");
    assertThat(Texts.list(List.of("甲村", "乙村"))).isEqualTo("甲村、乙村");
  }

  @Test
  void aTextTooLongForOneWeComMessageIsCutAtALineEnd() {
    String text = IntStream.range(0, 300).mapToObj(i -> "第" + i + "行：右卫镇 右卫示例一村未完成")
        .reduce((a, b) -> a + "\n" + b).orElseThrow();
    String fitted = Texts.fit(text);
    assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Texts.MAX_BYTES);
    assertThat(fitted).startsWith("第0行").endsWith("请在管理控制台查看全部）");
    assertThat(Texts.fit("短消息")).isEqualTo("短消息");
  }

  @Test
  void theFieldPeriodIsToldRelativeToTheDay() {
    LocalDate end = LocalDate.of(2021, 10, 31);
    assertThat(FieldPeriodLeft.when(end, LocalDate.of(2021, 10, 29))).isEqualTo("将于10月31日结束（含今天还剩3天）");
    assertThat(FieldPeriodLeft.when(end, end)).isEqualTo("今天（10月31日）结束");
    assertThat(FieldPeriodLeft.when(end, LocalDate.of(2021, 11, 2))).contains("顺延期");
  }
}
