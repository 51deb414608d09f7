package cn.dudao.admin.dashboard;

import java.time.Instant;
import java.util.List;

/** Progress records: a village is done once its village check is signed, an area once its area check is. */
public final class Progress {

  private Progress() {
  }

  /** Whole percent of {@code done} out of {@code of}; 0 when there is nothing to do. */
  public static int percent(long done, long of) {
    return of == 0 ? 0 : (int) Math.floor(done * 100.0 / of);
  }

  /** One village and its signed village check, if any. */
  public record Village(long id, String name, boolean done, String inspector, Instant at) {}

  /** One area: its signed area check, if any, and its villages. */
  public record Area(long id, String name, Long teamId, boolean checked, String inspector, Instant at,
                     List<Village> villages) {
    public long villagesDone() {
      return villages.stream().filter(Village::done).count();
    }

    public int villagePercent() {
      return percent(villagesDone(), villages.size());
    }
  }

  /** One team and its areas. */
  public record Team(long id, String name, String leader, List<Area> areas) {
    public long areasDone() {
      return areas.stream().filter(Area::checked).count();
    }

    public long villages() {
      return areas.stream().mapToLong(a -> a.villages().size()).sum();
    }

    public long villagesDone() {
      return areas.stream().mapToLong(Area::villagesDone).sum();
    }

    public int areaPercent() {
      return percent(areasDone(), areas.size());
    }

    public int villagePercent() {
      return percent(villagesDone(), villages());
    }
  }
}
