package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.Team;
import cn.dudao.bot.problem.ProblemColour;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The leader's digest's part on the problem list (issue 6): his team's open problems by colour, the red
 * ones by number; a team without open problems is told so in one line.
 */
@Component
@Order(10)
class OpenProblemsSection implements DigestSection {

  private final OpenProblems problems;

  OpenProblemsSection(OpenProblems problems) {
    this.problems = problems;
  }

  @Override
  public Optional<String> render(Plan plan, Team team, LocalDate day) {
    List<OpenProblems.Item> open = problems.openOfTeam(plan.getId(), team.getId());
    if (open.isEmpty()) {
      return Optional.of("问题整改：本组发现的问题暂无未销号项");
    }
    Map<ProblemColour, Integer> counts = new EnumMap<>(ProblemColour.class);
    open.forEach(i -> counts.merge(ProblemColour.of(i.deadline(), day), 1, Integer::sum));
    StringBuilder text = new StringBuilder("问题整改：本组发现的问题未销号 ").append(open.size()).append(" 条，其中红色（已逾期）")
        .append(counts.getOrDefault(ProblemColour.RED, 0)).append(" 条、黄色（今日到期）")
        .append(counts.getOrDefault(ProblemColour.YELLOW, 0)).append(" 条、蓝色（")
        .append(ProblemColour.BLUE_DAYS).append("天内到期）").append(counts.getOrDefault(ProblemColour.BLUE, 0))
        .append(" 条、未到预警期 ").append(counts.getOrDefault(ProblemColour.NONE, 0)).append(" 条");
    List<String> red = open.stream().filter(i -> ProblemColour.of(i.deadline(), day) == ProblemColour.RED)
        .map(i -> i.id() + "号").toList();
    if (!red.isEmpty()) {
      text.append("\n红色问题：").append(Texts.list(red));
    }
    return Optional.of(text.toString());
  }
}
