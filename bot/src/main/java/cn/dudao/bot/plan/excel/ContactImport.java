package cn.dudao.bot.plan.excel;

import cn.dudao.bot.plan.Area;
import cn.dudao.bot.plan.AreaRepository;
import cn.dudao.bot.plan.ResponsibleUnit;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import cn.dudao.bot.plan.UnitContact;
import cn.dudao.bot.plan.UnitContactRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * 责任单位联系人: responsible units and the people who receive their rectification notices. New units
 * are added (a 乡镇 unit must name one of the plan's areas); a contact is known by unit and WeCom user
 * id, or by unit and name when the id is still empty. Nothing is removed.
 */
@Component
class ContactImport implements SheetImport {

  private record UnitPlan(String name, ResponsibleUnit.Kind kind, Long areaId, int firstRow) {}

  private record Change(String unit, String name, String userId, String phone) {}

  private final AreaRepository areas;
  private final ResponsibleUnitRepository units;
  private final UnitContactRepository contacts;

  ContactImport(AreaRepository areas, ResponsibleUnitRepository units, UnitContactRepository contacts) {
    this.areas = areas;
    this.units = units;
    this.contacts = contacts;
  }

  @Override
  public PlanSheet sheet() {
    return PlanSheet.CONTACTS;
  }

  @Override
  public Counts apply(long planId, SheetRows rows) {
    Map<String, Area> areaByName = new HashMap<>();
    areas.findByPlanIdOrderBySortOrder(planId).forEach(a -> areaByName.put(a.getName(), a));
    Map<String, UnitPlan> unitPlans = new LinkedHashMap<>();
    SheetRows.Unique seen = new SheetRows.Unique();
    List<Change> changes = new ArrayList<>();
    for (SheetRows.Row row : rows.rows()) {
      boolean ok = rows.requireFilled(row) & rows.maxLength(row, "责任单位", 64) & rows.maxLength(row, "联系人", 32);
      ResponsibleUnit.Kind kind = ResponsibleUnit.Kind.ofLabel(row.get("单位类型")).orElse(null);
      if (!row.blank("单位类型") && kind == null) {
        rows.problem(row, "单位类型", "单位类型“" + row.get("单位类型") + "”无效，应为乡镇、县直部门或牵头单位");
        ok = false;
      }
      Area area = areaByName.get(row.get("责任单位"));
      if (kind == ResponsibleUnit.Kind.TOWNSHIP && area == null && !row.blank("责任单位")) {
        rows.problem(row, "责任单位", "未知乡镇“" + row.get("责任单位") + "”：乡镇单位须与村庄名单中的乡镇同名");
        ok = false;
      }
      String userId = row.get("企业微信账号");
      if (!userId.isEmpty() && !SheetImport.validUserId(userId)) {
        rows.problem(row, "企业微信账号", "企业微信账号只能包含字母、数字和 _ - . @，最长 64 位");
        ok = false;
      }
      String phone = row.get("手机号");
      if (!phone.isEmpty() && !phone.matches("[0-9+\\-]{7,20}")) {
        rows.problem(row, "手机号", "手机号格式不正确");
        ok = false;
      }
      if (!ok) {
        continue;
      }
      String unit = row.get("责任单位");
      UnitPlan earlier = unitPlans.putIfAbsent(unit, new UnitPlan(unit, kind,
          kind == ResponsibleUnit.Kind.TOWNSHIP ? area.getId() : null, row.number()));
      if (earlier != null && earlier.kind() != kind) {
        rows.problem(row, "单位类型", "同一单位“" + unit + "”在第 " + earlier.firstRow() + " 行的单位类型不同");
        continue;
      }
      String key = unit + "/" + (userId.isEmpty() ? "name:" + row.get("联系人") : "id:" + userId);
      if (seen.firstTime(rows, row, userId.isEmpty() ? "联系人" : "企业微信账号", key, "同一单位的联系人")) {
        changes.add(new Change(unit, row.get("联系人"), userId.isEmpty() ? null : userId, phone.isEmpty() ? null : phone));
      }
    }
    Counts counts = new Counts();
    if (!rows.ok()) {
      return counts;
    }
    Map<String, ResponsibleUnit> byName = new HashMap<>();
    List<ResponsibleUnit> existing = units.findByPlanIdOrderBySortOrderAscIdAsc(planId);
    existing.forEach(u -> byName.put(u.getName(), u));
    int nextOrder = existing.stream().mapToInt(ResponsibleUnit::getSortOrder).max().orElse(-1) + 1;
    for (UnitPlan plan : unitPlans.values()) {
      ResponsibleUnit unit = byName.get(plan.name());
      if (unit == null) {
        byName.put(plan.name(), units.save(new ResponsibleUnit(planId, plan.name(), plan.kind(), plan.areaId(), nextOrder++)));
      } else if (unit.getKind() != plan.kind() || !Objects.equals(unit.getAreaId(), plan.areaId())) {
        unit.update(plan.kind(), plan.areaId());
      }
    }
    Map<Long, List<UnitContact>> contactsOf = new HashMap<>();
    contacts.findByUnitIdInOrderByUnitIdAscSortOrderAsc(byName.values().stream().map(ResponsibleUnit::getId).toList())
        .forEach(c -> contactsOf.computeIfAbsent(c.getUnitId(), k -> new ArrayList<>()).add(c));
    for (Change c : changes) {
      ResponsibleUnit unit = byName.get(c.unit());
      List<UnitContact> known = contactsOf.computeIfAbsent(unit.getId(), k -> new ArrayList<>());
      UnitContact match = known.stream().filter(k -> c.userId() != null ? c.userId().equals(k.getWecomUserId())
          : k.getName().equals(c.name())).findFirst()
          .or(() -> known.stream().filter(k -> k.getWecomUserId() == null && k.getName().equals(c.name())).findFirst())
          .orElse(null);
      if (match == null) {
        known.add(contacts.save(new UnitContact(unit.getId(), c.name(), c.userId(), c.phone(), known.size())));
        counts.created();
      } else {
        boolean changed = !match.getName().equals(c.name()) || !Objects.equals(match.getPhone(), c.phone())
            || (c.userId() != null && !c.userId().equals(match.getWecomUserId()));
        match.update(c.name(), c.phone(), match.getSortOrder());
        if (c.userId() != null) {
          match.linkWecom(c.userId());
        }
        counts.updated(changed);
      }
    }
    return counts;
  }
}
