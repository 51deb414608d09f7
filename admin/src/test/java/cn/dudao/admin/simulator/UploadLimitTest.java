package cn.dudao.admin.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

class UploadLimitTest {

  @Test
  void anUploadOverTheServerLimitIsRefusedInChinese() {
    var response = new UploadLimit().tooLarge(new MaxUploadSizeExceededException(12L * 1024 * 1024));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(response.getBody()).contains("超过 10 MB");
  }
}
