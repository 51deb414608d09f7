package cn.dudao.bot.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a photo or its thumbnail by evidence id, for pages and exports. Only the evidence id is ever
 * taken from a request; the store key and type come from the database, and only JPEG and PNG are
 * served. Who may see which evidence is the caller's to decide ({@link EvidenceAccess} for the console).
 */
@Service
@Transactional(readOnly = true)
public class EvidenceFiles {

  private static final Set<String> SERVED = Set.of(PhotoReader.JPEG, PhotoReader.PNG);

  /** An open photo file; the caller closes {@code content}. */
  public record Served(long evidenceId, String mediaType, String sha256, InputStream content) {}

  private final EvidenceRepository evidence;
  private final EvidenceStore store;

  EvidenceFiles(EvidenceRepository evidence, EvidenceStore store) {
    this.evidence = evidence;
    this.store = store;
  }

  /** The photo as it was received, or empty when there is no such photo. */
  public Optional<Served> original(long evidenceId) throws IOException {
    Optional<Evidence> e = photo(evidenceId);
    if (e.isEmpty() || !SERVED.contains(e.get().getMediaType())) {
      return Optional.empty();
    }
    return open(evidenceId, e.get().getMediaType(), e.get().getSha256());
  }

  /** Its JPEG thumbnail, or empty when there is none. */
  public Optional<Served> thumbnail(long evidenceId) throws IOException {
    Optional<Evidence> e = photo(evidenceId);
    if (e.isEmpty() || e.get().getThumbSha256() == null) {
      return Optional.empty();
    }
    return open(evidenceId, PhotoReader.JPEG, e.get().getThumbSha256());
  }

  /** Which of {@code evidenceIds} are stored photos with a thumbnail: one query, no file opened. */
  public java.util.Set<Long> withThumbnail(java.util.Collection<Long> evidenceIds) {
    if (evidenceIds.isEmpty()) {
      return java.util.Set.of();
    }
    return evidence.findAllById(evidenceIds).stream()
        .filter(e -> e.getKind() == Evidence.Kind.PHOTO && EvidenceStore.isKey(e.getThumbSha256()))
        .map(Evidence::getId).collect(java.util.stream.Collectors.toSet());
  }

  private Optional<Evidence> photo(long evidenceId) {
    return evidence.findById(evidenceId).filter(e -> e.getKind() == Evidence.Kind.PHOTO);
  }

  private Optional<Served> open(long evidenceId, String mediaType, String key) throws IOException {
    if (!EvidenceStore.isKey(key)) {
      return Optional.empty();
    }
    return store.open(key).map(in -> new Served(evidenceId, mediaType, key, in));
  }
}
