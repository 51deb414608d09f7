package cn.dudao.bot.evidence;

import cn.dudao.bot.inspection.Inspection;
import cn.dudao.bot.inspection.InspectionRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Looks for what a reviewer should know about a piece of evidence: the same photo in another
 * inspection, a capture time outside the visit, a position far from the village. Each finding becomes
 * a flag once; nothing here refuses anything.
 */
@Component
class EvidenceChecks {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** A village's name and, where known, its coordinates. */
  record Place(String name, BigDecimal latitude, BigDecimal longitude) {}

  private final EvidenceRepository evidence;
  private final EvidenceFlagRepository flags;
  private final InspectionRepository inspections;
  private final JdbcTemplate jdbc;
  private final EvidenceProperties properties;
  private final Clock clock;

  EvidenceChecks(EvidenceRepository evidence, EvidenceFlagRepository flags, InspectionRepository inspections,
                 JdbcTemplate jdbc, EvidenceProperties properties, Clock clock) {
    this.evidence = evidence;
    this.flags = flags;
    this.inspections = inspections;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** Runs every check that the known facts allow; safe to run again when more is known. */
  void check(Evidence e) {
    if (e.getInspectionId() == null) {
      return;
    }
    Optional<Place> village = place(e.getVillageId());
    if (e.getKind() == Evidence.Kind.PHOTO) {
      reuse(e);
      inspections.findById(e.getInspectionId()).ifPresent(i -> captureTime(e, i));
    }
    village.ifPresent(v -> distance(e, v));
  }

  private void reuse(Evidence e) {
    List<Evidence> elsewhere = evidence.findSamePhotoElsewhere(e.getSha256(), e.getInspectionId());
    if (elsewhere.isEmpty()) {
      return;
    }
    String where = elsewhere.stream()
        .map(o -> subject(o.getInspectionId()) + "（核查 " + o.getInspectionId() + "，证据 " + o.getId() + "，"
            + o.getUploader() + "）")
        .distinct().limit(5).collect(Collectors.joining("、"));
    flag(e, EvidenceFlag.Code.PHOTO_REUSED, "同一张照片也用于：" + where);
  }

  /**
   * Flags a rectification photo whose bytes are those of one of the problem's finding photos
   * {@code findingEvidenceIds}; true when it does.
   */
  boolean sameAsFinding(Evidence e, java.util.Collection<Long> findingEvidenceIds) {
    if (e.getSha256() == null || findingEvidenceIds.isEmpty()) {
      return false;
    }
    List<Long> same = evidence.findAllById(findingEvidenceIds).stream()
        .filter(o -> !o.getId().equals(e.getId()) && e.getSha256().equals(o.getSha256()))
        .map(Evidence::getId).sorted().toList();
    if (same.isEmpty()) {
      return false;
    }
    flag(e, EvidenceFlag.Code.SAME_AS_FINDING_PHOTO, EvidenceFlag.Code.SAME_AS_FINDING_PHOTO.label() + "（问题照片：证据 "
        + same.stream().map(String::valueOf).collect(Collectors.joining("、")) + "）");
    return true;
  }

  private void captureTime(Evidence e, Inspection inspection) {
    Instant taken = e.getTakenAt();
    if (taken == null) {
      return;
    }
    Instant from = inspection.getStartedAt().minus(properties.takenBefore());
    Instant to = e.getReceivedAt().plus(properties.takenAfter());
    if (taken.isBefore(from) || taken.isAfter(to)) {
      flag(e, EvidenceFlag.Code.TAKEN_OUTSIDE_VISIT, "拍摄时间 " + local(taken) + " 不在本次核查时间内（"
          + local(from) + " 至 " + local(to) + "）");
    }
  }

  private void distance(Evidence e, Place village) {
    if (!e.hasPosition() || village.latitude() == null || village.longitude() == null) {
      return;
    }
    double km = Geo.distanceKm(e.getLatitude().doubleValue(), e.getLongitude().doubleValue(),
        village.latitude().doubleValue(), village.longitude().doubleValue());
    if (km > properties.maxDistanceKm()) {
      String what = e.getKind() == Evidence.Kind.PHOTO ? "照片拍摄地点" : "发送的位置";
      flag(e, EvidenceFlag.Code.FAR_FROM_VILLAGE, String.format("%s距%s约 %.1f 公里（超过 %s 公里）", what,
          village.name(), km, BigDecimal.valueOf(properties.maxDistanceKm()).stripTrailingZeros().toPlainString()));
    }
  }

  private void flag(Evidence e, EvidenceFlag.Code code, String detail) {
    if (!flags.existsByEvidenceIdAndCode(e.getId(), code)) {
      flags.save(new EvidenceFlag(e.getId(), code, detail, clock.instant()));
    }
  }

  Optional<Place> place(Long villageId) {
    if (villageId == null) {
      return Optional.empty();
    }
    return jdbc.query("SELECT name, latitude, longitude FROM villages WHERE id = ?",
        (rs, i) -> new Place(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)), villageId).stream().findFirst();
  }

  /** Where an inspection took place as people read it: the village, area or household. */
  private String subject(Long inspectionId) {
    return inspections.findById(inspectionId).map(Inspection::getSubject).filter(x -> !x.isBlank()).orElse("未定地点");
  }

  private String local(Instant at) {
    return TIME.format(at.atZone(properties.zone()));
  }
}
