package cn.dudao.admin.problems;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What the county office typed into a problem action (one problem's forms, or the list's bulk form):
 * kept as typed, so a page that refuses it shows it again. {@code ids}: the bulk form's selection.
 */
public record ProblemForm(String action, String wording, Long unit, String deadline, String into, String reason,
                          List<Long> ids) {

  static final ProblemForm EMPTY = new ProblemForm(null, null, null, null, null, null, List.of());

  public ProblemForm {
    ids = ids == null ? List.of() : List.copyOf(ids);
  }

  ProblemForm withAction(String name) {
    return new ProblemForm(name, wording, unit, deadline, into, reason, ids);
  }

  /** True when {@code id} was ticked (the bulk form shown again). */
  public boolean selected(long id) {
    return ids.contains(id);
  }

  /** The reason, stripped; a user error when empty. */
  String requireReason() {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("请填写原因（将记入审计日志）。");
    }
    return reason.strip();
  }

  /** The new deadline as typed (yyyy-MM-dd, as the date field sends it); a user error otherwise. */
  LocalDate requireDeadline() {
    if (deadline == null || deadline.isBlank()) {
      throw new IllegalArgumentException("请填写新的整改时限。");
    }
    try {
      return LocalDate.parse(deadline.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("整改时限“" + deadline.strip() + "”不是有效日期，请按 2021-12-31 的格式填写。");
    }
  }

  long requireUnit() {
    if (unit == null) {
      throw new IllegalArgumentException("请选择责任单位。");
    }
    return unit;
  }

  /** The problem to merge into: its number as the list shows it (F12) or the bare id. */
  long requireInto() {
    String v = into == null ? "" : into.strip();
    if (v.startsWith("F") || v.startsWith("f")) {
      v = v.substring(1);
    }
    if (!v.matches("\\d{1,18}")) {
      throw new IllegalArgumentException("请填写要并入的问题编号，例如 F12。");
    }
    return Long.parseLong(v);
  }
}
