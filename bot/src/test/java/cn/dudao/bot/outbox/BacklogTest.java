package cn.dudao.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BacklogTest {

  @Test
  void aDigestStaysWithinOneWeComText() {
    String line = "您的回答已记录。".repeat(20);
    assertThat(Backlog.fits(List.of(line), line)).isTrue();
    List<String> many = java.util.Collections.nCopies(4, line);
    // 5 x 480 bytes plus separators is more than 2000 bytes.
    assertThat(Backlog.fits(many, line)).isFalse();
  }
}
