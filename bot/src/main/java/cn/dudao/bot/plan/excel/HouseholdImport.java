package cn.dudao.bot.plan.excel;

import cn.dudao.bot.plan.Area;
import cn.dudao.bot.plan.AreaRepository;
import cn.dudao.bot.plan.Household;
import cn.dudao.bot.plan.HouseholdCategory;
import cn.dudao.bot.plan.HouseholdRepository;
import cn.dudao.bot.plan.IdNumbers;
import cn.dudao.bot.plan.Village;
import cn.dudao.bot.plan.VillageRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 农户名单: households by village. ID numbers are masked on import: a full number (with a valid check
 * digit) is cut to its first and last four digits before anything else sees it, an already masked one
 * is taken as is, anything else is refused; the full number is never stored, logged or echoed. A
 * household is known by village, masked ID number and head's name; a known one is updated.
 */
@Component
class HouseholdImport implements SheetImport {

  private record Change(Household existing, long villageId, String head, String masked, HouseholdCategory category,
                        int size, boolean monitored, Integer level, boolean riskEliminated) {}

  private final AreaRepository areas;
  private final VillageRepository villages;
  private static final String INSERT = "INSERT INTO households (village_id, head_name, id_number_masked, category,"
      + " household_size, monitored, warning_level, risk_eliminated, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final int BATCH = 500;

  private final HouseholdRepository households;
  private final JdbcTemplate jdbc;

  HouseholdImport(AreaRepository areas, VillageRepository villages, HouseholdRepository households, JdbcTemplate jdbc) {
    this.areas = areas;
    this.villages = villages;
    this.households = households;
    this.jdbc = jdbc;
  }

  @Override
  public PlanSheet sheet() {
    return PlanSheet.HOUSEHOLDS;
  }

  @Override
  public Counts apply(long planId, SheetRows rows) {
    Map<String, Area> areaByName = new HashMap<>();
    areas.findByPlanIdOrderBySortOrder(planId).forEach(a -> areaByName.put(a.getName(), a));
    Map<String, Village> villageByPlace = new HashMap<>();
    Map<Long, String> placeOf = new HashMap<>();
    villages.findByAreaIdInOrderByAreaIdAscSortOrderAsc(areaByName.values().stream().map(Area::getId).toList())
        .forEach(v -> {
          String area = areaByName.values().stream().filter(a -> a.getId().equals(v.getAreaId())).findFirst()
              .orElseThrow().getName();
          villageByPlace.put(area + "/" + v.getName(), v);
          placeOf.put(v.getId(), area);
        });
    Map<String, Household> existing = new HashMap<>();
    households.findByVillageIdIn(placeOf.keySet()).forEach(h -> existing.put(key(h.getVillageId(),
        h.getIdNumberMasked(), h.getHeadName()), h));
    SheetRows.Unique seen = new SheetRows.Unique();
    List<Change> changes = new ArrayList<>();
    for (SheetRows.Row row : rows.rows()) {
      boolean ok = rows.requireFilled(row) & rows.maxLength(row, "户主姓名", 32);
      Area area = areaByName.get(row.get("乡镇"));
      Village village = villageByPlace.get(row.get("乡镇") + "/" + row.get("行政村"));
      if (!row.blank("乡镇") && area == null) {
        rows.problem(row, "乡镇", "未知乡镇“" + row.get("乡镇") + "”，请先导入村庄名单");
        ok = false;
      } else if (area != null && !row.blank("行政村") && village == null) {
        rows.problem(row, "行政村", "“" + row.get("乡镇") + "”没有行政村“" + row.get("行政村") + "”，请先导入村庄名单");
        ok = false;
      }
      String masked = idNumber(rows, row);
      ok &= masked != null || row.blank("身份证号");
      Optional<HouseholdCategory> category = HouseholdCategory.ofLabel(row.get("户类型"));
      if (!row.blank("户类型") && category.isEmpty()) {
        rows.problem(row, "户类型", "户类型“" + row.get("户类型") + "”无效，应为：" + HouseholdCategory.labels());
        ok = false;
      }
      Integer size = integer(rows, row, "家庭人口", 1, 30);
      Integer level = integer(rows, row, "预警等级", 1, 5);
      Boolean monitored = yesNo(rows, row, "监测对象");
      Boolean eliminated = yesNo(rows, row, "风险已消除");
      ok &= (size != null || row.blank("家庭人口")) && (level != null || row.blank("预警等级"))
          && monitored != null && eliminated != null;
      if (!ok || village == null || masked == null || size == null) {
        continue;
      }
      String key = key(village.getId(), masked, row.get("户主姓名"));
      if (seen.firstTime(rows, row, "身份证号", key, "同村同户主同身份证号（" + masked + "）")) {
        changes.add(new Change(existing.get(key), village.getId(), row.get("户主姓名"), masked, category.get(), size,
            monitored, level, eliminated));
      }
    }
    Counts counts = new Counts();
    if (!rows.ok()) {
      return counts;
    }
    int order = existing.values().stream().mapToInt(Household::getSortOrder).max().orElse(-1) + 1;
    // New households go in JDBC batches (IDENTITY keys defeat Hibernate's batching): a county's list of
    // tens of thousands of rows is written in seconds, in the same transaction as the updates.
    List<Object[]> inserts = new ArrayList<>();
    for (Change c : changes) {
      Household h = c.existing();
      if (h == null) {
        if (!IdNumbers.isMasked(c.masked())) {
          throw new IllegalStateException("an ID number reached the database unmasked");
        }
        inserts.add(new Object[] {c.villageId(), c.head(), c.masked(), c.category().name(), c.size(), c.monitored(), c.level(), c.riskEliminated(), order++});
        counts.created();
      } else {
        boolean changed = h.getCategory() != c.category() || h.getSize() != c.size() || h.isMonitored() != c.monitored()
            || !Objects.equals(h.getWarningLevel(), c.level()) || h.isRiskEliminated() != c.riskEliminated();
        h.update(c.category(), c.size(), h.getSortOrder());
        h.monitoring(c.monitored(), c.level(), c.riskEliminated());
        counts.updated(changed);
      }
    }
    for (int from = 0; from < inserts.size(); from += BATCH) {
      jdbc.batchUpdate(INSERT, inserts.subList(from, Math.min(inserts.size(), from + BATCH)));
    }
    return counts;
  }

  /** The masked ID number of a row, or null after recording why there is none. Never echoes digits. */
  private static String idNumber(SheetRows rows, SheetRows.Row row) {
    if (row.blank("身份证号")) {
      return null;
    }
    if (row.numericCells().contains("身份证号")) {
      rows.problem(row, "身份证号", "身份证号单元格是数字格式，Excel 会丢失末尾数字，请将该列设为文本格式后重新填写");
      return null;
    }
    IdNumbers.Read read = IdNumbers.read(row.get("身份证号"));
    if (read.problem().isPresent()) {
      rows.problem(row, "身份证号", read.problem().get() == IdNumbers.Problem.CHECKSUM
          ? "身份证号校验位不正确（" + IdNumbers.redact(row.get("身份证号")) + "）"
          : "身份证号格式不正确，应为 18 位号码或脱敏形式（如 1424**********1234）");
      return null;
    }
    return read.masked().orElseThrow();
  }

  private static Integer integer(SheetRows rows, SheetRows.Row row, String header, int min, int max) {
    if (row.blank(header)) {
      return null;
    }
    try {
      int v = Integer.parseInt(row.get(header).replace("级", "").replace("人", "").strip());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    rows.problem(row, header, header + "应为 " + min + " 至 " + max + " 的整数");
    return null;
  }

  private static Boolean yesNo(SheetRows rows, SheetRows.Row row, String header) {
    return switch (row.get(header)) {
      case "", "否", "N", "n", "0" -> false;
      case "是", "Y", "y", "1" -> true;
      default -> {
        rows.problem(row, header, header + "应填“是”或“否”");
        yield null;
      }
    };
  }

  private static String key(long villageId, String masked, String head) {
    return villageId + "/" + masked + "/" + head;
  }
}
