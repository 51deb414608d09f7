package cn.dudao.bot.plan.excel;

import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.Team;
import cn.dudao.bot.plan.TeamRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * 人员名单: people by team, role and WeCom user id. A row updates the roster entry with the same WeCom
 * user id (or, without one, the same name) and adds a new one otherwise; nobody is removed. Teams must
 * exist (they are made with the plan); each team has at most one 组长; a WeCom user id appears once.
 */
@Component
class RosterImport implements SheetImport {

  private record Change(SheetRows.Row row, Member existing, Long teamId, String name, Member.Role role, String position,
                        String userId, int order) {}

  private final TeamRepository teams;
  private final MemberRepository members;

  RosterImport(TeamRepository teams, MemberRepository members) {
    this.teams = teams;
    this.members = members;
  }

  @Override
  public PlanSheet sheet() {
    return PlanSheet.ROSTER;
  }

  @Override
  public Counts apply(long planId, SheetRows rows) {
    Map<String, Team> teamByName = teams.findByPlanIdOrderByNumber(planId).stream()
        .collect(Collectors.toMap(Team::getName, Function.identity()));
    List<Member> existing = members.findByPlanIdOrderByTeamIdAscSortOrderAsc(planId);
    SheetRows.Unique ids = new SheetRows.Unique();
    SheetRows.Unique names = new SheetRows.Unique();
    Map<Long, Integer> leaderRow = new HashMap<>();
    Map<String, Member> claimedIds = new HashMap<>();
    List<Change> changes = new ArrayList<>();
    int order = 0;
    for (SheetRows.Row row : rows.rows()) {
      boolean ok = rows.requireFilled(row) & rows.maxLength(row, "姓名", 32) & rows.maxLength(row, "单位及职务", 128);
      Team team = teamByName.get(row.get("督导组"));
      if (!row.blank("督导组") && team == null) {
        rows.problem(row, "督导组", "未知督导组“" + row.get("督导组") + "”，本方案的督导组为："
            + String.join("、", teamByName.keySet()));
        ok = false;
      }
      Optional<Member.Role> role = Member.Role.ofLabel(row.get("职务"));
      if (!row.blank("职务") && role.isEmpty()) {
        rows.problem(row, "职务", "职务“" + row.get("职务") + "”无效，应为组长、副组长或组员");
        ok = false;
      }
      String userId = row.get("企业微信账号");
      if (!userId.isEmpty() && !SheetImport.validUserId(userId)) {
        rows.problem(row, "企业微信账号", "企业微信账号只能包含字母、数字和 _ - . @，最长 64 位");
        ok = false;
      }
      if (!userId.isEmpty() && !ids.firstTime(rows, row, "企业微信账号", userId, "企业微信账号")) {
        ok = false;
      }
      if (userId.isEmpty() && !names.firstTime(rows, row, "姓名", row.get("姓名"), "姓名（未填企业微信账号时按姓名识别）")) {
        ok = false;
      }
      if (!ok) {
        continue;
      }
      Member match = existing.stream().filter(m -> !userId.isEmpty() ? userId.equals(m.getWecomUserId())
          : m.getName().equals(row.get("姓名"))).findFirst().orElse(null);
      if (match == null && !userId.isEmpty()) {
        // the same person listed without an id before: recognise by name
        match = existing.stream().filter(m -> m.getWecomUserId() == null && m.getName().equals(row.get("姓名")))
            .findFirst().orElse(null);
      }
      Member held = match;
      if (held != null && !held.getName().equals(row.get("姓名"))
          && existing.stream().anyMatch(m -> m != held && m.getName().equals(row.get("姓名")))) {
        // Renaming by id is allowed, but not onto another person who is on the roster under that name.
        rows.problem(row, "企业微信账号", "企业微信账号已被名单中的“" + held.getName() + "”使用");
        continue;
      }
      if (role.get() == Member.Role.LEADER) {
        Integer earlier = leaderRow.putIfAbsent(team.getId(), row.number());
        if (earlier != null) {
          rows.problem(row, "职务", team.getName() + "已有组长（第 " + earlier + " 行）");
          continue;
        }
      }
      if (match != null) {
        Member before = claimedIds.putIfAbsent("m" + match.getId(), match);
        if (before != null) {
          rows.problem(row, "姓名", "与名单中已有的“" + match.getName() + "”是同一人，但文件中出现了两次");
          continue;
        }
      }
      changes.add(new Change(row, match, team.getId(), row.get("姓名"), role.get(), emptyToNull(row.get("单位及职务")),
          userId.isEmpty() ? (match == null ? null : match.getWecomUserId()) : userId, order++));
    }
    checkAgainstExisting(rows, existing, changes, claimedIds);
    Counts counts = new Counts();
    if (!rows.ok()) {
      return counts;
    }
    for (Change c : changes) {
      if (c.existing() == null) {
        members.save(new Member(planId, c.teamId(), c.name(), c.role(), c.position(), c.userId(), c.order()));
        counts.created();
      } else {
        Member m = c.existing();
        boolean changed = !Objects.equals(m.getTeamId(), c.teamId()) || !m.getName().equals(c.name())
            || m.getRole() != c.role() || !Objects.equals(m.getPosition(), c.position())
            || !Objects.equals(m.getWecomUserId(), c.userId());
        m.assign(c.teamId(), c.name(), c.role(), c.position(), m.getSortOrder());
        m.linkWecom(c.userId());
        counts.updated(changed);
      }
    }
    return counts;
  }

  /** Entries the file does not mention stay: their leaderships must not clash with the file's. */
  private static void checkAgainstExisting(SheetRows rows, List<Member> existing, List<Change> changes,
                                           Map<String, Member> claimed) {
    for (Member untouched : existing) {
      if (claimed.containsKey("m" + untouched.getId())) {
        continue;
      }
      for (Change c : changes) {
        SheetRows.Row row = c.row();
        if (c.role() == Member.Role.LEADER && untouched.getRole() == Member.Role.LEADER
            && untouched.getTeamId().equals(c.teamId())) {
          rows.problem(row, "职务", "该督导组已有组长“" + untouched.getName() + "”");
        }
      }
    }
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
