package cn.dudao.bot.plan;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads a plan file (teams, members, areas, villages, units and contacts, households) into the database once. The Youyu 2021 plan is
 * the default; a county's own plan is the same file format or an Excel import.
 */
@org.springframework.stereotype.Component
public class PlanSeeder {

  private static final Logger log = LoggerFactory.getLogger(PlanSeeder.class);

  private final PlanRepository plans;
  private final TeamRepository teams;
  private final AreaRepository areas;
  private final MemberRepository members;
  private final VillageRepository villages;
  private final ResponsibleUnitRepository units;
  private final UnitContactRepository contacts;
  private final HouseholdRepository households;

  public PlanSeeder(PlanRepository plans, TeamRepository teams, AreaRepository areas, MemberRepository members,
                    VillageRepository villages, ResponsibleUnitRepository units, UnitContactRepository contacts,
                    HouseholdRepository households) {
    this.plans = plans;
    this.teams = teams;
    this.areas = areas;
    this.members = members;
    this.villages = villages;
    this.units = units;
    this.contacts = contacts;
    this.households = households;
  }

  /** Seeds the plan in {@code resource} unless a plan with its code exists; returns the plan. */
  @Transactional
  public Plan seed(Resource resource) throws IOException {
    Map<String, Object> doc;
    try (InputStream in = resource.getInputStream()) {
      doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
    String code = str(doc, "code");
    var existing = plans.findByCode(code);
    if (existing.isPresent()) {
      return existing.get();
    }
    Plan plan = plans.save(new Plan(code, str(doc, "name"), str(doc, "county"), (Integer) doc.get("year"),
        date(doc, "field_start"), date(doc, "field_end"), (Integer) doc.getOrDefault("extension_days", 0),
        date(doc, "report_due"), new BigDecimal(String.valueOf(doc.get("monitoring_line"))))
        .withRectificationDays((Integer) doc.getOrDefault("rectification_days", Plan.DEFAULT_RECTIFICATION_DAYS)));
    Map<String, Long> teamOfArea = new HashMap<>();
    for (Map<String, Object> t : list(doc, "teams")) {
      Team team = teams.save(new Team(plan.getId(), (Integer) t.get("number"), str(t, "name")));
      for (Object area : (List<?>) t.get("areas")) {
        teamOfArea.put(String.valueOf(area), team.getId());
      }
      int order = 0;
      for (Map<String, Object> m : list(t, "members")) {
        members.save(new Member(plan.getId(), team.getId(), str(m, "name"), Member.Role.valueOf(str(m, "role")),
            str(m, "position"), str(m, "user_id"), order++));
      }
    }
    int areaOrder = 0;
    Map<String, Area> areaByName = new HashMap<>();
    Map<String, Village> villageByPlace = new HashMap<>();
    for (Map<String, Object> a : list(doc, "areas")) {
      String name = str(a, "name");
      Area area = areas.save(new Area(plan.getId(), teamOfArea.get(name), name, Area.Kind.valueOf(str(a, "kind")),
          areaOrder++));
      areaByName.put(name, area);
      int villageOrder = 0;
      for (Object v : (List<?>) a.getOrDefault("villages", List.of())) {
        Village village = villages.save(new Village(area.getId(), String.valueOf(v), villageOrder++));
        villageByPlace.put(name + "/" + village.getName(), village);
      }
    }
    seedUnits(plan, doc, areaByName);
    int householdOrder = 0;
    for (Map<String, Object> h : list(doc, "households")) {
      Village village = villageByPlace.get(str(h, "area") + "/" + str(h, "village"));
      if (village == null) {
        throw new IllegalArgumentException("household of an unknown village: " + str(h, "area") + "/" + str(h, "village"));
      }
      String masked = IdNumbers.read(str(h, "id")).masked()
          .orElseThrow(() -> new IllegalArgumentException("bad ID number for " + str(h, "head")));
      Object level = h.get("warning_level");
      households.save(new Household(village.getId(), str(h, "head"), masked,
          HouseholdCategory.ofLabel(str(h, "category")).orElseThrow(), (Integer) h.get("size"), householdOrder++)
          .monitoring(Boolean.TRUE.equals(h.get("monitored")), level == null ? null : (Integer) level,
              Boolean.TRUE.equals(h.get("risk_eliminated"))));
    }
    log.info("Seeded plan {} ({})", plan.getCode(), plan.getName());
    return plan;
  }

  /** The listed units with their contacts, then a township unit for every area not listed. */
  private void seedUnits(Plan plan, Map<String, Object> doc, Map<String, Area> areaByName) {
    int order = 0;
    for (Map<String, Object> u : list(doc, "units")) {
      String name = str(u, "name");
      Area area = areaByName.get(name);
      ResponsibleUnit unit = units.save(new ResponsibleUnit(plan.getId(), name,
          ResponsibleUnit.Kind.valueOf(str(u, "kind")), area == null ? null : area.getId(), order++));
      int contactOrder = 0;
      for (Map<String, Object> c : list(u, "contacts")) {
        contacts.save(new UnitContact(unit.getId(), str(c, "name"), str(c, "user_id"), str(c, "phone"), contactOrder++));
      }
    }
    for (Area area : areaByName.values().stream().sorted(java.util.Comparator.comparingInt(Area::getSortOrder)).toList()) {
      if (units.findByPlanIdAndName(plan.getId(), area.getName()).isEmpty()) {
        units.save(new ResponsibleUnit(plan.getId(), area.getName(), ResponsibleUnit.Kind.TOWNSHIP, area.getId(), order++));
      }
    }
  }

  private static String str(Map<String, Object> map, String key) {
    Object v = map.get(key);
    return v == null ? null : String.valueOf(v);
  }

  private static LocalDate date(Map<String, Object> map, String key) {
    Object v = map.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof java.util.Date d) {
      return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }
    return LocalDate.parse(String.valueOf(v));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
    return (List<Map<String, Object>>) map.getOrDefault(key, List.of());
  }
}
