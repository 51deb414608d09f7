package cn.dudao.admin.console;

import java.time.Instant;
import org.springframework.stereotype.Component;

/** Templates format times through this bean: {@code ${@times.minutes(row.recordedAt)}}. */
@Component("times")
public class TimeFormat {

  public String minutes(Instant instant) {
    return ConsoleTimes.minutes(instant);
  }

  public String seconds(Instant instant) {
    return ConsoleTimes.seconds(instant);
  }
}
