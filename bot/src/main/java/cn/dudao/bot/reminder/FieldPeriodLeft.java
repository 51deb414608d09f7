package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.TeamRepository;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Before the field period ends (by default its last three days, 08:10 spread over 40 minutes), each
 * inspector with something left hears what: his team's villages and areas without a signed check and,
 * where households are sampled, his own visits. Whoever has nothing left hears nothing.
 */
@Component
class FieldPeriodLeft implements ReminderRule {

  static final String KIND = "FIELD_PERIOD_LEFT";

  private final List<WorkLeft> work;
  private final MemberRepository members;
  private final TeamRepository teams;
  private final Recipients recipients;

  FieldPeriodLeft(List<WorkLeft> work, MemberRepository members, TeamRepository teams, Recipients recipients) {
    this.recipients = recipients;
    this.work = work;
    this.members = members;
    this.teams = teams;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String title() {
    return "实地督导收尾提醒（督导组成员）";
  }

  @Override
  public RuleDefaults defaults(Plan plan) {
    return new RuleDefaults(plan.getFieldEnd().minusDays(2), plan.getFieldEnd(), LocalTime.of(8, 10), 40);
  }

  @Override
  public Collection<String> recipients(Plan plan, LocalDate day) {
    Set<Long> ids = new HashSet<>();
    work.forEach(w -> ids.addAll(w.membersWithWorkLeft(plan)));
    if (ids.isEmpty()) {
      return List.of();
    }
    return recipients.userIds(plan.getId(), ids);
  }

  @Override
  public Optional<String> compose(Plan plan, String recipient, LocalDate day) {
    Optional<Member> member = members.findActiveByWecomUserId(recipient).stream()
        .filter(m -> m.getPlanId().equals(plan.getId())).findFirst();
    if (member.isEmpty()) {
      return Optional.empty();
    }
    List<String> left = new ArrayList<>();
    work.forEach(w -> left.addAll(w.describe(plan, member.get())));
    if (left.isEmpty()) {
      return Optional.empty();
    }
    String team = teams.findById(member.get().getTeamId()).map(t -> t.getName()).orElse("督导组");
    StringBuilder text = new StringBuilder("【督导提醒】").append(member.get().getName()).append("您好，实地督导")
        .append(when(plan.getFieldEnd(), day)).append("。").append(team).append("尚有以下工作未完成：");
    left.forEach(line -> text.append("\n· ").append(line));
    text.append("\n请抓紧安排。回复“开始”进行村级核查，回复“帮助”查看全部功能。");
    return Optional.of(Texts.fit(text.toString()));
  }

  static String when(LocalDate end, LocalDate day) {
    long days = ChronoUnit.DAYS.between(day, end);
    if (days > 0) {
      return "将于" + Texts.date(end) + "结束（含今天还剩" + (days + 1) + "天）";
    }
    if (days == 0) {
      return "今天（" + Texts.date(end) + "）结束";
    }
    return "原定于" + Texts.date(end) + "结束，现处于顺延期";
  }
}
