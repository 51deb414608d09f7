package cn.dudao.bot.reminder;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records planned reminders in batches. {@code INSERT IGNORE} (MySQL, MariaDB, H2 in MySQL mode) lets
 * the unique key (rule, recipient, day) drop a reminder another node planned a moment earlier.
 * Instants are written in UTC, as Hibernate writes them ({@code hibernate.jdbc.time_zone=UTC}).
 */
@Component
class ReminderRows {

  /** One reminder to record. */
  record Row(long ruleId, long planId, String recipient, LocalDate day, Instant dueAt) {}

  private static final int BATCH = 1000;
  private static final String INSERT = "INSERT IGNORE INTO reminders"
      + " (rule_id, plan_id, recipient, reminder_day, due_at, status, planned_at) VALUES (?, ?, ?, ?, ?, 'PLANNED', ?)";

  private final JdbcTemplate jdbc;

  ReminderRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(List<Row> rows, Instant now) {
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    Timestamp planned = Timestamp.from(now);
    for (int from = 0; from < rows.size(); from += BATCH) {
      List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
      jdbc.batchUpdate(INSERT, chunk, chunk.size(), (PreparedStatement ps, Row row) -> {
        ps.setLong(1, row.ruleId());
        ps.setLong(2, row.planId());
        ps.setString(3, row.recipient());
        ps.setObject(4, row.day());
        ps.setTimestamp(5, Timestamp.from(row.dueAt()), utc);
        ps.setTimestamp(6, planned, utc);
      });
    }
  }
}
