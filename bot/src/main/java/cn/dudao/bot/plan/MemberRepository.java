package cn.dudao.bot.plan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MemberRepository extends JpaRepository<Member, Long> {

  /** The roster entries of a WeCom user in active plans, newest plan first. */
  @Query("select m from Member m, Plan p where p.id = m.planId and p.active = true and m.wecomUserId = ?1 order by p.id desc")
  List<Member> findActiveByWecomUserId(String wecomUserId);

  List<Member> findByPlanIdOrderByTeamIdAscSortOrderAsc(Long planId);

  List<Member> findByTeamIdOrderBySortOrderAsc(Long teamId);
}
