package cn.dudao.admin.evidence;

import cn.dudao.admin.plan.ConsoleActors;
import cn.dudao.bot.evidence.EvidenceAccess;
import cn.dudao.bot.evidence.EvidenceFiles;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /evidence/{id}} and {@code /evidence/{id}/thumb}: a photo and its thumbnail for pages to
 * embed. The id is a number or nothing matches; the file and its type come from the evidence record,
 * never from the request. Content never changes for an id, so it is cached privately and for long
 * (no ETag: answering 304 would leave the opened file unread and unclosed). A photo is served only to
 * someone whose scope covers something it serves ({@link EvidenceAccess}); anyone else gets the same 404
 * as for a photo that does not exist.
 */
@Controller
@RequestMapping("/evidence")
class EvidenceController {

  private final EvidenceFiles files;
  private final EvidenceAccess access;
  private final ConsoleActors actors;

  EvidenceController(EvidenceFiles files, EvidenceAccess access, ConsoleActors actors) {
    this.files = files;
    this.access = access;
    this.actors = actors;
  }

  @GetMapping("/{id:\\d{1,18}}")
  ResponseEntity<InputStreamResource> photo(@PathVariable("id") long id, Authentication authentication)
      throws IOException {
    return serve(visible(authentication, id) ? files.original(id) : Optional.empty(), "photo");
  }

  @GetMapping("/{id:\\d{1,18}}/thumb")
  ResponseEntity<InputStreamResource> thumbnail(@PathVariable("id") long id, Authentication authentication)
      throws IOException {
    return serve(visible(authentication, id) ? files.thumbnail(id) : Optional.empty(), "thumb");
  }

  private boolean visible(Authentication authentication, long id) {
    return access.mayView(actors.of(authentication), id);
  }

  private static ResponseEntity<InputStreamResource> serve(Optional<EvidenceFiles.Served> file, String variant) {
    if (file.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    EvidenceFiles.Served served = file.get();
    String extension = "image/png".equals(served.mediaType()) ? ".png" : ".jpg";
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(served.mediaType()))
        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename("evidence-" + served.evidenceId() + "-" + variant + extension).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .body(new InputStreamResource(served.content()));
  }
}
