package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.Team;
import cn.dudao.bot.plan.TeamRepository;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 逾期问题督办 (escalation of red items, issue 6): every day, the leader of each team that found a red
 * item hears of his team's red items, and the county office's contacts of all of the plan's, grouped by
 * responsible unit. Red means open and past the deadline, whoever holds it (awaiting review included).
 * By default 10:10 spread over 30 minutes, over {@link RectificationTexts#defaults the rectification window}.
 */
@Component
class RectificationEscalation extends RectificationRule {

  static final String KIND = "RECTIFICATION_ESCALATION";

  private final OpenProblems problems;
  private final TeamRepository teams;

  RectificationEscalation(OpenProblems problems, TeamRepository teams, ReminderProperties properties) {
    super(KIND, "逾期问题督办（组长、县督导办）", LocalTime.of(10, 10), properties);
    this.problems = problems;
    this.teams = teams;
  }

  @Override
  public Collection<String> recipients(Plan plan, LocalDate day) {
    return problems.escalationRecipients(plan.getId(), day);
  }

  @Override
  public Optional<String> compose(Plan plan, String recipient, LocalDate day) {
    List<OpenProblems.Item> red = problems.red(plan.getId(), day);
    if (red.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder("【逾期问题督办】").append(Texts.date(day));
    boolean said = false;
    for (Long teamId : problems.teamsLedBy(plan.getId(), recipient)) {
      List<OpenProblems.Item> ours = red.stream().filter(i -> teamId.equals(i.teamId())).toList();
      if (!ours.isEmpty()) {
        String team = teams.findById(teamId).map(Team::getName).orElse("本组");
        text.append("\n").append(team).append("发现的问题中，已逾期未整改").append(ours.size()).append("条：");
        ours.forEach(i -> text.append("\n").append(RectificationTexts.line(i, day, true)));
        said = true;
      }
    }
    if (problems.isCountyOfficeContact(plan.getId(), recipient)) {
      text.append("\n全县已逾期未整改的问题共").append(red.size()).append("条，按责任单位：");
      Map<String, List<OpenProblems.Item>> byUnit = new LinkedHashMap<>();
      red.forEach(i -> byUnit.computeIfAbsent(i.unitName(), u -> new java.util.ArrayList<>()).add(i));
      byUnit.forEach((unit, items) -> {
        text.append("\n").append(unit).append("（").append(items.size()).append("条）：");
        items.forEach(i -> text.append("\n").append(RectificationTexts.line(i, day, false)));
      });
      said = true;
    }
    if (!said) {
      return Optional.empty();
    }
    text.append("\n请督促责任单位尽快整改销号。");
    return Optional.of(Texts.fit(text.toString()));
  }
}
