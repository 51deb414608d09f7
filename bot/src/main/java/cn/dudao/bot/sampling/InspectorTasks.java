package cn.dudao.bot.sampling;

import cn.dudao.bot.plan.Area;
import cn.dudao.bot.plan.AreaRepository;
import cn.dudao.bot.plan.Household;
import cn.dudao.bot.plan.HouseholdRepository;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.PlanRepository;
import cn.dudao.bot.plan.Roster;
import cn.dudao.bot.plan.TeamRepository;
import cn.dudao.bot.plan.Village;
import cn.dudao.bot.plan.VillageRepository;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An inspector's task list, as {@code 我的任务} shows it in chat: the households he is assigned to visit
 * and the villages of his team to check, each with its state. WeCom text messages hold 2048 bytes, so
 * long lists are cut with a count of what is left out.
 */
@Service
@Transactional(readOnly = true)
public class InspectorTasks {

  /** The flow whose signed inspections count as a village's check (issue 2's village check). */
  static final String VILLAGE_CHECK_FLOW = "village-check";
  /** WeCom's text limit is 2048 bytes; leave room for the last line. */
  static final int MAX_BYTES = 1900;
  private static final Set<String> WORDS = Set.of("我的任务", "任务", "我的任务清单", "任务清单");

  private final Roster roster;
  private final PlanRepository plans;
  private final TeamRepository teams;
  private final AreaRepository areas;
  private final VillageRepository villages;
  private final HouseholdRepository households;
  private final HouseholdAssignmentRepository assignments;
  private final JdbcTemplate jdbc;

  InspectorTasks(Roster roster, PlanRepository plans, TeamRepository teams, AreaRepository areas,
                 VillageRepository villages, HouseholdRepository households,
                 HouseholdAssignmentRepository assignments, JdbcTemplate jdbc) {
    this.roster = roster;
    this.plans = plans;
    this.teams = teams;
    this.areas = areas;
    this.villages = villages;
    this.households = households;
    this.assignments = assignments;
    this.jdbc = jdbc;
  }

  /** A household assigned to an inspector, as a flow option shows it, and whether its visit is signed. */
  public record Assigned(long householdId, String label, boolean visited) {}

  /** The member's assigned households in village order, visited or not. */
  public List<Assigned> assigned(Member member) {
    // Every flow start asks, and most inspectors have no household to visit: one plain indexed read
    // answers them without the derived query, the household, village and visit reads.
    if (jdbc.queryForList("SELECT id FROM household_assignments WHERE member_id = ? LIMIT 1", Long.class,
        member.getId()).isEmpty()) {
      return List.of();
    }
    List<HouseholdAssignment> mine = assignments.findByMemberIdOrderByVillageIdAscIdAsc(member.getId());
    Map<Long, Household> byId = households.findAllById(mine.stream().map(HouseholdAssignment::getHouseholdId).toList())
        .stream().collect(Collectors.toMap(Household::getId, Function.identity()));
    Map<Long, String> placeNames = placeNames(mine.stream().map(HouseholdAssignment::getVillageId).toList());
    Set<Long> visited = new HashSet<>(assignments.visitedHouseholdIds(member.getPlanId()));
    return mine.stream().map(a -> {
      Household h = byId.get(a.getHouseholdId());
      return new Assigned(h.getId(), placeNames.get(a.getVillageId()) + " · " + h.getHeadName() + "（"
          + h.getCategory().label() + "，" + h.getSize() + "人）", visited.contains(h.getId()));
    }).toList();
  }

  /** True when a typed text asks for the task list. */
  public static boolean asks(String text) {
    return text != null && WORDS.contains(text.strip());
  }

  /** The member's task list as one chat message (Chinese). */
  public String describe(Member member) {
    Plan plan = plans.findById(member.getPlanId()).orElseThrow();
    String team = teams.findById(member.getTeamId()).map(t -> t.getName()).orElse("");
    Lines out = new Lines();
    out.add("【我的任务】" + member.getName() + " · " + team + " " + member.getRole().label());
    out.add("方案：" + plan.getName() + "（" + plan.getFieldStart() + " 至 " + plan.getFieldEnd()
        + (plan.getExtensionDays() > 0 ? "，可顺延 " + plan.getExtensionDays() + " 天" : "") + "）");

    List<Assigned> mine = assigned(member);
    long visited = mine.stream().filter(Assigned::visited).count();
    out.add("");
    out.add("入户走访（共 " + mine.size() + " 户，已走访 " + visited + " 户）：");
    if (mine.isEmpty()) {
      out.add("暂未分配入户走访任务。");
    }
    List<String> visits = mine.stream().map(a -> (a.visited() ? "✔ " : "· ") + a.label()).toList();

    List<Roster.VillageChoice> teamVillages = roster.villagesFor(member);
    Set<Long> checked = new HashSet<>(assignments.checkedVillageIds(member.getPlanId(), VILLAGE_CHECK_FLOW));
    long done = teamVillages.stream().filter(v -> checked.contains(v.villageId())).count();
    List<String> checks = teamVillages.stream()
        .map(v -> (checked.contains(v.villageId()) ? "✔ " : "· ") + v.label())
        .toList();
    String checkHeader = "村级核查（本组共 " + teamVillages.size() + " 个村，已完成 " + done + " 个）：";
    out.list(visits, checkHeader, checks, "回复“入户走访”开始走访，回复“开始”进行村级核查。");
    return out.toString();
  }

  private Map<Long, String> placeNames(List<Long> villageIds) {
    Map<Long, Village> vs = villages.findAllById(new HashSet<>(villageIds)).stream()
        .collect(Collectors.toMap(Village::getId, Function.identity()));
    Map<Long, Area> as = areas.findAllById(vs.values().stream().map(Village::getAreaId).collect(Collectors.toSet()))
        .stream().collect(Collectors.toMap(Area::getId, Function.identity()));
    return vs.values().stream().collect(Collectors.toMap(Village::getId,
        v -> as.get(v.getAreaId()).getName() + " " + v.getName()));
  }

  /** Lines under a byte budget; whatever does not fit is counted instead of shown. */
  private static final class Lines {
    private final StringBuilder text = new StringBuilder();

    void add(String line) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append(line);
    }

    /** Both lists, the second after its header, each cut to what the budget leaves, then the footer. */
    void list(List<String> first, String secondHeader, List<String> second, String footer) {
      int reserve = bytes(secondHeader) + bytes(footer) + 120;
      addWithin(first, MAX_BYTES - reserve);
      add("");
      add(secondHeader);
      addWithin(second, MAX_BYTES - bytes(footer) - 60);
      add(footer);
    }

    private void addWithin(List<String> lines, int budget) {
      for (int i = 0; i < lines.size(); i++) {
        if (bytes(text.toString()) + bytes(lines.get(i)) + 1 > budget) {
          add("……另有 " + (lines.size() - i) + " 项未列出，请在管理控制台查看。");
          return;
        }
        add(lines.get(i));
      }
    }

    private static int bytes(String s) {
      return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
