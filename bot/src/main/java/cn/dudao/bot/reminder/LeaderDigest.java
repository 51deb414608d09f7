package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.Team;
import cn.dudao.bot.plan.TeamRepository;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every evening from the start of the field period until the report is due (by default 18:10 spread
 * over 40 minutes), each team leader gets his team's day: villages and areas checked, by area, and the
 * findings recorded; further sections (open problems by colour, issue 6) plug in as {@link DigestSection}s.
 */
@Component
class LeaderDigest implements ReminderRule {

  static final String KIND = "LEADER_DIGEST";

  private final TeamProgress progress;
  private final MemberRepository members;
  private final TeamRepository teams;
  private final ObjectProvider<DigestSection> sections;
  private final ReminderProperties properties;
  private final Recipients recipients;

  LeaderDigest(Recipients recipients, TeamProgress progress, MemberRepository members, TeamRepository teams, ObjectProvider<DigestSection> sections,
               ReminderProperties properties) {
    this.recipients = recipients;
    this.progress = progress;
    this.members = members;
    this.teams = teams;
    this.sections = sections;
    this.properties = properties;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String title() {
    return "督导日报（组长）";
  }

  @Override
  public RuleDefaults defaults(Plan plan) {
    LocalDate last = plan.getReportDue() != null ? plan.getReportDue() : plan.getFieldEnd().plusDays(plan.getExtensionDays());
    return new RuleDefaults(plan.getFieldStart(), last, LocalTime.of(18, 10), 40);
  }

  @Override
  public Collection<String> recipients(Plan plan, LocalDate day) {
    return recipients.leaders(plan.getId());
  }

  @Override
  public Optional<String> compose(Plan plan, String recipient, LocalDate day) {
    Optional<Team> team = members.findActiveByWecomUserId(recipient).stream()
        .filter(m -> m.getPlanId().equals(plan.getId()) && m.getRole() == Member.Role.LEADER).findFirst()
        .flatMap(m -> teams.findById(m.getTeamId()));
    if (team.isEmpty()) {
      return Optional.empty();
    }
    TeamProgress.Progress p = progress.of(plan.getId(), team.get().getId(),
        day.atStartOfDay(properties.zone()).toInstant());
    StringBuilder text = new StringBuilder("【督导日报】").append(team.get().getName()).append(" · ")
        .append(Texts.date(day)).append("\n").append(period(plan, day));
    int villages = p.areas().stream().mapToInt(TeamProgress.AreaProgress::villages).sum();
    int done = p.areas().stream().mapToInt(TeamProgress.AreaProgress::villagesDone).sum();
    text.append("\n村级核查：已完成 ").append(done).append("/").append(villages).append(" 个村")
        .append(villages == 0 ? "" : "（" + (done * 100 / villages) + "%）");
    if (progress.areaChecks()) {
      long areasDone = p.areas().stream().filter(TeamProgress.AreaProgress::areaChecked).count();
      text.append("\n乡镇督导：已完成 ").append(areasDone).append("/").append(p.areas().size()).append(" 个乡镇");
    }
    for (TeamProgress.AreaProgress area : p.areas()) {
      text.append("\n· ").append(area.name()).append("：村级核查 ").append(area.villagesDone()).append("/")
          .append(area.villages());
      if (progress.areaChecks()) {
        text.append("，乡镇督导").append(area.areaChecked() ? "已完成" : "未完成");
      }
      text.append("，发现问题 ").append(area.findings()).append(" 条");
    }
    text.append("\n发现问题（不达标项）：共 ").append(p.findings()).append(" 条，今日新增 ").append(p.findingsToday())
        .append(" 条");
    sections.orderedStream().forEach(section ->
        section.render(plan, team.get(), day).ifPresent(s -> text.append("\n").append(s)));
    return Optional.of(Texts.fit(text.toString()));
  }

  private static String period(Plan plan, LocalDate day) {
    String range = Texts.date(plan.getFieldStart()) + "至" + Texts.date(plan.getFieldEnd());
    if (day.isBefore(plan.getFieldStart())) {
      return "实地督导（" + range + "）尚未开始";
    }
    if (!day.isAfter(plan.getFieldEnd())) {
      long nth = ChronoUnit.DAYS.between(plan.getFieldStart(), day) + 1;
      long all = ChronoUnit.DAYS.between(plan.getFieldStart(), plan.getFieldEnd()) + 1;
      return "实地督导（" + range + "）第 " + nth + " 天，共 " + all + " 天";
    }
    return "实地督导（" + range + "）已结束" + (plan.getReportDue() == null ? ""
        : "，督导报告和问题清单请于" + Texts.date(plan.getReportDue()) + "前报送");
  }
}
