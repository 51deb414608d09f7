package cn.dudao.admin.exports;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Response headers for a file download with a Chinese file name (RFC 6266 / 5987 encoding). */
public final class Downloads {

  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private Downloads() {
  }

  public static void prepare(HttpServletResponse response, String fileName, String contentType) {
    response.setContentType(contentType);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}
