package cn.dudao.bot.reminder;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records planned reminders, 500 rows per multi-row statement (far fewer round trips than a JDBC batch
 * on every driver). {@code INSERT IGNORE} (MySQL, MariaDB, H2 in MySQL mode) lets the unique key (rule,
 * recipient, day) drop a reminder another node planned a moment earlier. Instants are written in UTC, as
 * Hibernate writes them ({@code hibernate.jdbc.time_zone=UTC}).
 */
@Component
class ReminderRows {

  /** One reminder to record. */
  record Row(long ruleId, long planId, String recipient, LocalDate day, Instant dueAt) {}

  private static final int ROWS_PER_STATEMENT = 500;
  private static final String INSERT = "INSERT IGNORE INTO reminders"
      + " (rule_id, plan_id, recipient, reminder_day, due_at, status, planned_at) VALUES ";
  private static final String VALUES = "(?, ?, ?, ?, ?, 'PLANNED', ?)";

  private final JdbcTemplate jdbc;

  ReminderRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(List<Row> rows, Instant now) {
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    Timestamp planned = Timestamp.from(now);
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      String sql = INSERT + String.join(", ", Collections.nCopies(chunk.size(), VALUES));
      jdbc.update(sql, (PreparedStatement ps) -> {
        int i = 0;
        for (Row row : chunk) {
          ps.setLong(++i, row.ruleId());
          ps.setLong(++i, row.planId());
          ps.setString(++i, row.recipient());
          ps.setObject(++i, row.day());
          ps.setTimestamp(++i, Timestamp.from(row.dueAt()), utc);
          ps.setTimestamp(++i, planned, utc);
        }
      });
    }
  }
}
