package cn.dudao.admin.problems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of the problem list. Built from a finding today; the rectification fields ({@code status},
 * {@code colour}, {@code unitName}, {@code deadline}) stay null until problems are tracked (issue 6).
 */
public record ProblemRow(long id, long inspectionId, String flowId, String flowTitle, String answerKey, String indicator,
                         String indicatorName, String category, Long teamId, String teamName, Long areaId,
                         String areaName, Long villageId, String villageName, String subject, String result,
                         String description, List<String> evidenceIds, String inspectorName, Instant recordedAt,
                         String status, String colour, String unitName, LocalDate deadline) {

  public ProblemRow {
    evidenceIds = List.copyOf(evidenceIds);
  }

  /** Where, as people write it: 乡镇 村 (or the inspection's own subject, e.g. a household). */
  public String place() {
    StringBuilder place = new StringBuilder();
    if (areaName != null) {
      place.append(areaName);
    }
    if (villageName != null) {
      place.append(place.isEmpty() ? "" : " ").append(villageName);
    }
    if (place.isEmpty() && subject != null) {
      place.append(subject);
    }
    return place.toString();
  }

  /** What was inspected beyond the place (a household visit's 户主), or "". */
  public String object() {
    if (subject == null || subject.isBlank() || subject.equals(areaName)
        || subject.equals(areaName + " " + villageName) || (areaName == null && villageName == null)) {
      return "";
    }
    return subject;
  }

  /** The console's number for the item: 问题编号 as people quote it. */
  public String number() {
    return "F" + id;
  }
}
