package cn.dudao.bot.problem;

import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.ResponsibleUnit;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import cn.dudao.bot.plan.UnitContact;
import cn.dudao.bot.plan.UnitContactRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/** Who hears about a problem in WeCom: its unit's contacts, and its inspector (or his team's leaders). */
@Component
class ProblemRecipients {

  private final UnitContactRepository contacts;
  private final ResponsibleUnitRepository units;
  private final MemberRepository members;

  ProblemRecipients(UnitContactRepository contacts, ResponsibleUnitRepository units, MemberRepository members) {
    this.contacts = contacts;
    this.units = units;
    this.members = members;
  }

  List<String> unitContacts(Long unitId) {
    if (unitId == null) {
      return List.of();
    }
    return contacts.findByUnitIdInOrderByUnitIdAscSortOrderAsc(List.of(unitId)).stream()
        .map(UnitContact::getWecomUserId).filter(id -> id != null && !id.isBlank()).distinct().toList();
  }

  String unitName(Long unitId) {
    return unitId == null ? "（未指定）" : units.findById(unitId).map(ResponsibleUnit::getName).orElse("（未指定）");
  }

  /** The inspector who found it; when he has no WeCom account, his team's leaders. */
  List<String> reviewers(Problem p) {
    Member inspector = members.findById(p.getMemberId()).orElse(null);
    if (inspector != null && inspector.getWecomUserId() != null) {
      return List.of(inspector.getWecomUserId());
    }
    Long teamId = p.getTeamId() != null ? p.getTeamId() : inspector == null ? null : inspector.getTeamId();
    return teamId == null ? List.of() : members.findByTeamIdOrderBySortOrderAsc(teamId).stream()
        .filter(m -> m.getRole().leads() && m.getWecomUserId() != null).map(Member::getWecomUserId).toList();
  }
}
