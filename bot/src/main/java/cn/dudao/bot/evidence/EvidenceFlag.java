package cn.dudao.bot.evidence;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something about a piece of evidence that a reviewer should look at; it never blocks the inspector. */
@Entity
@Table(name = "evidence_flags")
public class EvidenceFlag {

  /** What looks wrong. */
  public enum Code {
    /** The same photo bytes serve another inspection (another village or household). */
    PHOTO_REUSED,
    /** The EXIF capture time lies outside the visit's time window. */
    TAKEN_OUTSIDE_VISIT,
    /** The photo's EXIF position or the sent location is implausibly far from the village. */
    FAR_FROM_VILLAGE,
    /** A rectification photo holds the same bytes as one of the problem's own finding photos. */
    SAME_AS_FINDING_PHOTO;

    /** The flag as a reviewer reads it. */
    public String label() {
      switch (this) {
        case PHOTO_REUSED:
          return "照片重复使用";
        case TAKEN_OUTSIDE_VISIT:
          return "拍摄时间不在核查时间内";
        case FAR_FROM_VILLAGE:
          return "拍摄地点距村较远";
        default:
          return "整改照片与问题照片相同";
      }
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long evidenceId;
  @Enumerated(EnumType.STRING)
  private Code code;
  private String detail;
  private Instant createdAt;

  protected EvidenceFlag() {
  }

  EvidenceFlag(Long evidenceId, Code code, String detail, Instant createdAt) {
    this.evidenceId = evidenceId;
    this.code = code;
    this.detail = detail.length() > 500 ? detail.substring(0, 500) : detail;
    this.createdAt = createdAt;
  }

  public Long getId() { return id; }
  public Long getEvidenceId() { return evidenceId; }
  public Code getCode() { return code; }
  public String getDetail() { return detail; }
  public Instant getCreatedAt() { return createdAt; }
}
