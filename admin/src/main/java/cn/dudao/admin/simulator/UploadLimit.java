package cn.dudao.admin.simulator;

import cn.dudao.bot.evidence.MediaOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the server's multipart limit ({@code spring.servlet.multipart.*}) fails before any
 * controller sees it, so no controller-scoped handler can answer it: this one says why, in Chinese.
 */
@RestControllerAdvice
@ConditionalOnProperty(name = "dudao.simulator.enabled", havingValue = "true", matchIfMissing = true)
class UploadLimit {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<String> tooLarge(MaxUploadSizeExceededException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.TEXT_PLAIN)
        .body(MediaOutcome.TOO_LARGE.message());
  }
}
