package cn.dudao.bot.faults;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database holds after a fault, read with plain SQL: inbound rows per dedupe key, answers
 * (and any written twice), inspections and replies per person. The figures a fault test reports.
 */
final class Ledger {

  private final JdbcTemplate jdbc;

  Ledger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Acknowledged callbacks with no inbound row: lost. */
  long lost(Collection<String> acknowledgedKeys) {
    return acknowledgedKeys.stream().distinct()
        .filter(k -> count("SELECT COUNT(*) FROM inbound_messages WHERE dedupe_key = ?", k) == 0).count();
  }

  long pending() {
    return count("SELECT COUNT(*) FROM inbound_messages WHERE status <> 'DONE'");
  }

  long done() {
    return count("SELECT COUNT(*) FROM inbound_messages WHERE status = 'DONE'");
  }

  /** Answer rows beyond one per inspection and key: an answer applied twice. */
  long duplicatedAnswers() {
    return count("SELECT COUNT(*) FROM answers")
        - count("SELECT COUNT(*) FROM (SELECT DISTINCT inspection_id, answer_key FROM answers) d");
  }

  long answersOf(String userId) {
    return count("SELECT COUNT(*) FROM answers a JOIN inspections i ON a.inspection_id = i.id "
        + "JOIN members m ON i.member_id = m.id WHERE m.wecom_user_id = ?", userId);
  }

  long inspectionsOf(String userId) {
    return count("SELECT COUNT(*) FROM inspections i JOIN members m ON i.member_id = m.id WHERE m.wecom_user_id = ?",
        userId);
  }

  /** The payloads queued for one person, oldest first. */
  List<String> repliesTo(String userId) {
    return jdbc.queryForList("SELECT payload FROM outbox_messages WHERE recipient = ? ORDER BY id", String.class,
        userId);
  }

  long unsentReplies() {
    return count("SELECT COUNT(*) FROM outbox_messages WHERE status <> 'SENT'");
  }

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  /** The line each fault test prints for the notes and deploy/BENCHMARKS.md. */
  static void report(String fault, long acknowledged, long lost, long duplicated, int resumed, int conversations) {
    System.out.printf("FAULT %-28s acknowledged=%d lost=%d duplicated=%d conversations resumed=%d/%d%n", fault,
        acknowledged, lost, duplicated, resumed, conversations);
  }
}
