package cn.dudao.admin.problems;

import java.util.Optional;

/**
 * The photos behind a finding, by evidence id. Issue 5's evidence store serves them at
 * {@code /evidence/{id}} and {@code /evidence/{id}/thumb}; exports embed the thumbnail bytes. The one
 * implementation reads the evidence store; tests may replace it.
 */
public interface EvidencePhotos {

  /** A thumbnail: JPEG or PNG bytes. */
  record Photo(byte[] bytes, boolean png) {}

  /** The thumbnail of a stored photo, or empty when the id names no stored photo. */
  Optional<Photo> thumbnail(String evidenceId);

  /**
   * Those of {@code evidenceIds} that name a stored photo with a thumbnail, in their order. The store's
   * implementation answers from the evidence rows in one query, without opening any file.
   */
  default java.util.List<String> shown(java.util.List<String> evidenceIds) {
    return evidenceIds.stream().filter(e -> thumbnail(e).isPresent()).toList();
  }

  /** The console address of the full photo. */
  default String url(String evidenceId) {
    return "/evidence/" + evidenceId;
  }

  /** The console address of the thumbnail. */
  default String thumbUrl(String evidenceId) {
    return "/evidence/" + evidenceId + "/thumb";
  }
}
