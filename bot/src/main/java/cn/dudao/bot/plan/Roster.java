package cn.dudao.bot.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who is on which roster, and which villages a member may inspect (those of his team's areas). */
@Service
@Transactional(readOnly = true)
public class Roster {

  /** A village as an inspector picks it: id and a label with its area. */
  public record VillageChoice(long villageId, long areaId, String label) {}

  private final MemberRepository members;
  private final AreaRepository areas;
  private final VillageRepository villages;

  public Roster(MemberRepository members, AreaRepository areas, VillageRepository villages) {
    this.members = members;
    this.areas = areas;
    this.villages = villages;
  }

  /** The member entry of a WeCom user in the newest active plan he belongs to. */
  public Optional<Member> findMember(String wecomUserId) {
    if (wecomUserId == null || wecomUserId.isBlank()) {
      return Optional.empty();
    }
    return members.findActiveByWecomUserId(wecomUserId).stream().findFirst();
  }

  /** The areas assigned to the member's team, in plan order. */
  public List<Area> areasFor(Member member) {
    return areas.findByTeamIdOrderBySortOrder(member.getTeamId());
  }

  /** The villages of the areas assigned to the member's team, in plan order. */
  public List<VillageChoice> villagesFor(Member member) {
    Map<Long, Area> teamAreas = areas.findByTeamIdOrderBySortOrder(member.getTeamId()).stream()
        .collect(Collectors.toMap(Area::getId, Function.identity()));
    if (teamAreas.isEmpty()) {
      return List.of();
    }
    return villages.findByAreaIdInOrderByAreaIdAscSortOrderAsc(teamAreas.keySet()).stream()
        .sorted(java.util.Comparator.comparingInt((Village v) -> teamAreas.get(v.getAreaId()).getSortOrder())
            .thenComparingInt(Village::getSortOrder))
        .map(v -> new VillageChoice(v.getId(), v.getAreaId(), teamAreas.get(v.getAreaId()).getName() + " " + v.getName()))
        .toList();
  }

  /** True when the village lies in an area of the member's team. */
  public boolean mayInspect(Member member, long villageId) {
    return villagesFor(member).stream().anyMatch(v -> v.villageId() == villageId);
  }
}
