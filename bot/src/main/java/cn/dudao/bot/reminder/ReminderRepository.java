package cn.dudao.bot.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ReminderRepository extends JpaRepository<Reminder, Long> {

  @Query("select r.recipient from Reminder r where r.ruleId = ?1 and r.reminderDay = ?2")
  List<String> recipientsPlanned(Long ruleId, LocalDate day);

  @Query("select r.id from Reminder r where r.status = cn.dudao.bot.reminder.Reminder.Status.PLANNED and r.dueAt <= ?1 order by r.dueAt, r.id")
  List<Long> findDueIds(Instant now, Limit limit);

  /** Takes a planned reminder for queuing; 1 for exactly one caller, whichever node it runs on. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Reminder r set r.status = cn.dudao.bot.reminder.Reminder.Status.QUEUED, r.queuedAt = ?2 where r.id = ?1 and r.status = cn.dudao.bot.reminder.Reminder.Status.PLANNED")
  int take(Long id, Instant now);

  List<Reminder> findByPlanIdOrderByIdAsc(Long planId);

  long countByStatus(Reminder.Status status);
}
