package cn.dudao.admin.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.admin.AdminApplication;
import cn.dudao.bot.plan.PlanRepository;
import cn.dudao.bot.plan.excel.PlanSheet;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.Xlsx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An import as a browser sends it to the real server: log in, read the page's CSRF token, POST the
 * file as multipart/form-data with the token among its fields. (MockMvc cannot show that the CSRF
 * filter finds a token inside a multipart body; Tomcat parses it for the filter.)
 */
@SpringBootTest(classes = AdminApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "dudao.console.admin-password=upload-over-http")
class PlanUploadOverHttpIT {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
  }

  @LocalServerPort
  int port;
  @Autowired
  PlanRepository plans;

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void aLoggedInAdminUploadsAFileWithTheTokenInTheMultipartBody() throws Exception {
    String login = get("/login").body();
    HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=upload-over-http&_csrf="
            + URLEncoder.encode(token(login), StandardCharsets.UTF_8))).build());
    assertThat(loggedIn.statusCode()).isEqualTo(302);
    assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

    long id = plans.findByCode("youyu-2021").orElseThrow().getId();
    String page = get("/plan/" + id).body();
    byte[] file = Xlsx.of(PlanSheet.VILLAGES.columns().stream().map(PlanSheet.Column::header).toList(),
        List.of(List.of("第一组", "右卫镇", "", "右卫示例一村")));

    HttpResponse<String> withToken = upload("/plan/" + id + "/import/villages", token(page), file);
    assertThat(withToken.statusCode()).isEqualTo(200);
    assertThat(withToken.body()).contains("村庄名单导入成功：共 1 行，新增 0，更新 0，未变 1");

    HttpResponse<String> withoutToken = upload("/plan/" + id + "/import/villages", null, file);
    assertThat(withoutToken.statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> upload(String path, String csrf, byte[] file) throws IOException, InterruptedException {
    String boundary = "----dudao" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (csrf != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"villages.xlsx\"\r\n"
        + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String token(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("a CSRF token on the page").isTrue();
    return m.group(1);
  }
}
