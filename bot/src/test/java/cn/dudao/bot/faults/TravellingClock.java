package cn.dudao.bot.faults;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock plus an offset the test moves forward, so a retry scheduled a minute ahead
 * (45009) is due at once instead of after a real minute: time travel, not sleeping.
 */
final class TravellingClock extends Clock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  @Override
  public ZoneId getZone() {
    return ZoneId.of("UTC");
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  /** Moves the clock forward to {@code when} if it lies ahead; never backwards. */
  void travelTo(Instant when) {
    offset.updateAndGet(current -> {
      Duration needed = Duration.between(Instant.now(), when);
      return needed.compareTo(current) > 0 ? needed : current;
    });
  }

  Duration travelled() {
    return offset.get();
  }
}
