package cn.dudao.admin.problems;

import cn.dudao.bot.evidence.EvidenceFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Thumbnails from the evidence store (issue 5): a finding's evidence ids are evidence record ids; their
 * JPEG thumbnails are embedded in exports and shown through {@code /evidence/{id}/thumb}.
 */
@Component
class StoredEvidencePhotos implements EvidencePhotos {

  private final EvidenceFiles files;

  StoredEvidencePhotos(EvidenceFiles files) {
    this.files = files;
  }

  @Override
  public java.util.List<String> shown(java.util.List<String> evidenceIds) {
    java.util.Set<Long> stored = files.withThumbnail(evidenceIds.stream().filter(StoredEvidencePhotos::isId)
        .map(Long::valueOf).toList());
    return evidenceIds.stream().filter(e -> isId(e) && stored.contains(Long.valueOf(e))).toList();
  }

  private static boolean isId(String evidenceId) {
    return evidenceId != null && evidenceId.matches("\\d{1,18}");
  }

  @Override
  public Optional<Photo> thumbnail(String evidenceId) {
    if (!isId(evidenceId)) {
      return Optional.empty();
    }
    try {
      Optional<EvidenceFiles.Served> thumb = files.thumbnail(Long.parseLong(evidenceId));
      if (thumb.isEmpty()) {
        return Optional.empty();
      }
      try (InputStream in = thumb.get().content()) {
        return Optional.of(new Photo(in.readAllBytes(), "image/png".equals(thumb.get().mediaType())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("thumbnail of evidence " + evidenceId + " unreadable", e);
    }
  }
}
