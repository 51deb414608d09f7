package cn.dudao.bot.reminder;

import cn.dudao.bot.problem.ProblemStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The problem list as rectification reminders read it, in plain set-based SQL: who is due a reminder is
 * one query for the whole plan, what one person is told one more. "With the unit" are the problems the
 * unit must act on (交办, 签收, 整改中); "open" adds those waiting for assignment or review, as
 * {@link ProblemStatus#open()} says. Merged duplicates never count.
 */
@Component
class OpenProblems {

  /** One problem as a reminder lists it. */
  record Item(long id, String wording, String place, LocalDate deadline, Long unitId, String unitName, Long teamId) {}

  private static final String WITH_UNIT = inList(List.of(ProblemStatus.ASSIGNED, ProblemStatus.ACKNOWLEDGED,
      ProblemStatus.RECTIFYING));
  private static final String OPEN = inList(Arrays.stream(ProblemStatus.values()).filter(ProblemStatus::open).toList());
  private static final String ITEMS = "SELECT p.id, p.wording, p.subject, p.deadline, p.unit_id, u.name, p.team_id"
      + " FROM problems p LEFT JOIN units u ON u.id = p.unit_id WHERE p.plan_id = ? AND p.merged_into_id IS NULL";

  private final JdbcTemplate jdbc;

  OpenProblems(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** WeCom ids of the contacts of units with a problem with the unit due on one of {@code deadlines}. */
  List<String> contactsWithDeadlineOn(long planId, LocalDate first, LocalDate second) {
    return jdbc.queryForList("SELECT DISTINCT c.wecom_user_id FROM unit_contacts c JOIN problems p ON p.unit_id = c.unit_id"
        + " WHERE p.plan_id = ? AND p.merged_into_id IS NULL AND p.status IN " + WITH_UNIT
        + " AND p.deadline IN (?, ?) AND c.wecom_user_id IS NOT NULL", String.class, planId, first, second);
  }

  /** WeCom ids of the contacts of units with a problem with the unit past its deadline on {@code day}. */
  List<String> contactsWithOverdue(long planId, LocalDate day) {
    return jdbc.queryForList("SELECT DISTINCT c.wecom_user_id FROM unit_contacts c JOIN problems p ON p.unit_id = c.unit_id"
        + " WHERE p.plan_id = ? AND p.merged_into_id IS NULL AND p.status IN " + WITH_UNIT
        + " AND p.deadline < ? AND c.wecom_user_id IS NOT NULL", String.class, planId, day);
  }

  /** The problems with the units {@code userId} is a contact of, due on one of the two days. */
  List<Item> ofContactDueOn(long planId, String userId, LocalDate first, LocalDate second) {
    return items(" AND p.status IN " + WITH_UNIT + " AND p.deadline IN (?, ?) AND " + CONTACT_UNITS,
        planId, first, second, userId);
  }

  /** The problems with the units {@code userId} is a contact of, past their deadline on {@code day}. */
  List<Item> ofContactOverdue(long planId, String userId, LocalDate day) {
    return items(" AND p.status IN " + WITH_UNIT + " AND p.deadline < ? AND " + CONTACT_UNITS, planId, day, userId);
  }

  /** The plan's red items on {@code day}: open and past their deadline. */
  List<Item> red(long planId, LocalDate day) {
    return items(" AND p.status IN " + OPEN + " AND p.deadline < ?", planId, day);
  }

  /** The open problems a team found, whatever their colour. */
  List<Item> openOfTeam(long planId, long teamId) {
    return items(" AND p.status IN " + OPEN + " AND p.team_id = ?", planId, teamId);
  }

  /**
   * WeCom ids of whoever hears of red items on {@code day}: the leaders of the teams that found one, and
   * the county office's contacts (牵头单位) when the plan has any; one statement.
   */
  List<String> escalationRecipients(long planId, LocalDate day) {
    String red = "SELECT %s FROM problems p WHERE p.plan_id = ? AND p.merged_into_id IS NULL AND p.status IN " + OPEN
        + " AND p.deadline < ?";
    return jdbc.queryForList("SELECT m.wecom_user_id FROM members m WHERE m.plan_id = ? AND m.role = 'LEADER'"
        + " AND m.wecom_user_id IS NOT NULL AND m.team_id IN (" + red.formatted("p.team_id") + ")"
        + " UNION SELECT c.wecom_user_id FROM unit_contacts c JOIN units u ON u.id = c.unit_id WHERE u.plan_id = ?"
        + " AND u.kind = 'COUNTY_OFFICE' AND c.wecom_user_id IS NOT NULL AND EXISTS (" + red.formatted("1") + ")",
        String.class, planId, planId, day, planId, planId, day);
  }

  /** True when {@code userId} is a contact of the plan's county office. */
  boolean isCountyOfficeContact(long planId, String userId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM unit_contacts c JOIN units u ON u.id = c.unit_id"
        + " WHERE u.plan_id = ? AND u.kind = 'COUNTY_OFFICE' AND c.wecom_user_id = ?", Integer.class, planId, userId);
    return n != null && n > 0;
  }

  /** The team {@code userId} leads in the plan, if he is a team leader there. */
  List<Long> teamsLedBy(long planId, String userId) {
    return jdbc.queryForList("SELECT team_id FROM members WHERE plan_id = ? AND wecom_user_id = ? AND role = 'LEADER'",
        Long.class, planId, userId);
  }

  private static final String CONTACT_UNITS = "p.unit_id IN (SELECT c.unit_id FROM unit_contacts c WHERE c.wecom_user_id = ?)";

  private List<Item> items(String where, Object... args) {
    List<Item> items = new ArrayList<>();
    jdbc.query(ITEMS + where + " ORDER BY p.deadline, p.id", rs -> {
      long unit = rs.getLong(5);
      Long unitId = rs.wasNull() ? null : unit;
      long team = rs.getLong(7);
      Long teamId = rs.wasNull() ? null : team;
      String subject = rs.getString(3);
      items.add(new Item(rs.getLong(1), rs.getString(2), subject == null || subject.isBlank() ? "（未注明地点）" : subject,
          rs.getObject(4, LocalDate.class), unitId, rs.getString(6) == null ? "（未指定单位）" : rs.getString(6), teamId));
    }, args);
    return items;
  }

  private static String inList(List<ProblemStatus> statuses) {
    return statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
  }
}
