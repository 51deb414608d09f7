package cn.dudao.admin.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as the console reads and shows them. The schema stores UTC wall-clock values (Hibernate runs
 * with {@code jdbc.time_zone=UTC}), so plain JDBC reads them as local date-times in UTC; people read
 * them in China Standard Time.
 */
public final class ConsoleTimes {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);

  private ConsoleTimes() {
  }

  /** A stored timestamp column as an instant, or null. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  /** The value to bind for a timestamp column. */
  public static LocalDateTime stored(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** 2021-10-26 09:30 in China Standard Time, or "" for null. */
  public static String minutes(Instant instant) {
    return instant == null ? "" : MINUTES.format(instant);
  }

  /** 2021-10-26 09:30:05 in China Standard Time, or "" for null. */
  public static String seconds(Instant instant) {
    return instant == null ? "" : SECONDS.format(instant);
  }
}
