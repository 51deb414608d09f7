package cn.dudao.admin.plan;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the servlet's limit fails before any controller sees it (so before the import's own
 * size check); it gets the same Chinese answer instead of an error page.
 */
@ControllerAdvice
class UploadLimits {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
  String tooLarge(Model model) {
    model.addAttribute("reason", "上传的文件过大，未导入任何数据。请拆分文件后重试。");
    return "plan/denied";
  }
}
