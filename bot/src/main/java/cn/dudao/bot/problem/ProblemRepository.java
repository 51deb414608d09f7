package cn.dudao.bot.problem;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ProblemRepository extends JpaRepository<Problem, Long> {

  List<Problem> findByPlanIdOrderByIdAsc(Long planId);

  List<Problem> findByPlanIdAndStatusInAndDeadlineBeforeOrderByDeadlineAscIdAsc(Long planId,
      Collection<ProblemStatus> statuses, LocalDate before);

  Optional<Problem> findByFindingId(Long findingId);

  /** Problems made from a complaint (no finding behind them). */
  List<Problem> findByInspectionIdAndFindingIdIsNull(Long inspectionId);

  /** Locks the row: two presses on the same problem at the same time apply one after the other. */
  @Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Problem p where p.id = ?1")
  Optional<Problem> findForUpdate(Long id);
}
