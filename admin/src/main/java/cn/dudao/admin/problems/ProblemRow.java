package cn.dudao.admin.problems;

import cn.dudao.bot.problem.ProblemStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of the problem list: a row of {@code problems} with the finding behind it (if any: a
 * verified complaint has none), its place, team and responsible unit, and where it stands. {@code status}
 * and {@code colour} are the words people read (已交办, 红色; colour empty when none); {@code state} is
 * the status itself. {@code result} and {@code description} are the inspector's own answer,
 * {@code wording} the problem's standard (editable) wording.
 */
public record ProblemRow(long id, long planId, Long findingId, Long inspectionId, String flowId, String flowTitle,
                         String answerKey, String indicator, String indicatorName, String category, Long teamId,
                         String teamName, Long areaId, String areaName, Long villageId, String villageName,
                         String subject, String result, String description, String wording, List<String> evidenceIds,
                         String inspectorName, Instant recordedAt, ProblemStatus state, String status, String colour,
                         Long unitId, String unitName, LocalDate deadline, Long mergedIntoId) {

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

  /** True while the problem still needs work (not closed, not merged). */
  public boolean open() {
    return state != null && state.open();
  }

  /** How the problem appears in the audit trail ({@code cn.dudao.bot.plan.Target#label}). */
  public String auditTarget() {
    return "problem:" + id + "@plan:" + planId;
  }
}
