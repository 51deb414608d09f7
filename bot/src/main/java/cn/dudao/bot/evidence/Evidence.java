package cn.dudao.bot.evidence;

import cn.dudao.bot.inbox.InboundMessage;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One photo or location an inspector sent. A photo's bytes are in the {@link EvidenceStore} under
 * {@link #getSha256()}; the same bytes sent twice are two pieces of evidence sharing one stored file.
 * {@link #getNodeId()} is the question that was open when it arrived (null: kept as an attachment of
 * the inspection), {@link #getAnswerKey()} the answer that took it.
 */
@Entity
@Table(name = "evidence")
public class Evidence {

  /** What was sent. */
  public enum Kind { PHOTO, LOCATION }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Enumerated(EnumType.STRING)
  private Kind kind;
  private String sha256;
  private String mediaType;
  private Long sizeBytes;
  private Integer width;
  private Integer height;
  private String thumbSha256;
  private Instant takenAt;
  private BigDecimal latitude;
  private BigDecimal longitude;
  private String label;
  private String uploader;
  @Enumerated(EnumType.STRING)
  private InboundMessage.Channel channel;
  private Long inboundId;
  private Long inspectionId;
  private Long villageId;
  private String nodeId;
  private String answerKey;
  private Instant receivedAt;
  private Instant attachedAt;

  protected Evidence() {
  }

  static Evidence photo(StoredPhoto photo, String uploader, InboundMessage.Channel channel, long inboundId,
                        Instant receivedAt) {
    Evidence e = new Evidence(Kind.PHOTO, uploader, channel, inboundId, receivedAt);
    e.sha256 = photo.sha256();
    e.mediaType = photo.mediaType();
    e.sizeBytes = photo.size();
    e.width = photo.width();
    e.height = photo.height();
    e.thumbSha256 = photo.thumbSha256();
    e.takenAt = photo.takenAt();
    e.latitude = coordinate(photo.latitude());
    e.longitude = coordinate(photo.longitude());
    return e;
  }

  static Evidence location(Double latitude, Double longitude, String label, String uploader,
                           InboundMessage.Channel channel, long inboundId, Instant receivedAt) {
    Evidence e = new Evidence(Kind.LOCATION, uploader, channel, inboundId, receivedAt);
    e.latitude = coordinate(latitude);
    e.longitude = coordinate(longitude);
    e.label = label == null ? null : label.substring(0, Math.min(label.length(), 200));
    return e;
  }

  private Evidence(Kind kind, String uploader, InboundMessage.Channel channel, long inboundId, Instant receivedAt) {
    this.kind = kind;
    this.uploader = uploader;
    this.channel = channel;
    this.inboundId = inboundId;
    this.receivedAt = receivedAt;
  }

  /** Ties it to the sender's inspection (or none) and the question open at the time (null: attachment). */
  void attach(Long inspectionId, Long villageId, String nodeId, Instant at) {
    this.inspectionId = inspectionId;
    this.villageId = villageId;
    this.nodeId = nodeId;
    this.attachedAt = at;
  }

  void answered(String answerKey, Long villageId) {
    this.answerKey = answerKey;
    if (villageId != null) {
      this.villageId = villageId;
    }
  }

  private static BigDecimal coordinate(Double value) {
    return value == null || value.isNaN() ? null : BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
  }

  public boolean hasPosition() {
    return latitude != null && longitude != null;
  }

  public Long getId() { return id; }
  public Kind getKind() { return kind; }
  public String getSha256() { return sha256; }
  public String getMediaType() { return mediaType; }
  public Long getSizeBytes() { return sizeBytes; }
  public Integer getWidth() { return width; }
  public Integer getHeight() { return height; }
  public String getThumbSha256() { return thumbSha256; }
  public Instant getTakenAt() { return takenAt; }
  public BigDecimal getLatitude() { return latitude; }
  public BigDecimal getLongitude() { return longitude; }
  public String getLabel() { return label; }
  public String getUploader() { return uploader; }
  public InboundMessage.Channel getChannel() { return channel; }
  public Long getInboundId() { return inboundId; }
  public Long getInspectionId() { return inspectionId; }
  public Long getVillageId() { return villageId; }
  public String getNodeId() { return nodeId; }
  public String getAnswerKey() { return answerKey; }
  public Instant getReceivedAt() { return receivedAt; }
  public Instant getAttachedAt() { return attachedAt; }
}
