package cn.dudao.bot.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * After a run: waits until every recorded message is applied, then checks in the database that every
 * acknowledged callback has exactly one inbound row, that no answer was written twice, and that each
 * inspector holds exactly the answers his acknowledged messages call for (none skipped, none doubled).
 */
final class LoadVerifier {

  /** The verdict. */
  record Verdict(int acknowledged, int lost, int duplicatedRows, long failedRows, long duplicatedAnswers,
                 int inspectorsWrong, long answers, long replies, double drainSeconds) {
    boolean clean() {
      return lost == 0 && duplicatedRows == 0 && failedRows == 0 && duplicatedAnswers == 0 && inspectorsWrong == 0;
    }
  }

  private final Connection db;
  private final String prefix;

  LoadVerifier(Connection db, String prefix) {
    this.db = db;
    this.prefix = prefix;
  }

  /** Waits (bounded) until nothing of this run is pending; returns the seconds it took. */
  double awaitDrained(int timeoutSeconds) throws SQLException {
    long start = System.nanoTime();
    while (count("SELECT COUNT(*) FROM inbound_messages WHERE status = 'PENDING' AND user_id LIKE ?") > 0) {
      if (System.nanoTime() - start > timeoutSeconds * 1_000_000_000L) {
        System.out.println("warning: messages still pending after " + timeoutSeconds + " s");
        break;
      }
      LockSupport.parkNanos(250_000_000L);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Waits (bounded) until every reply of this run has left the outbox; returns the seconds it took. */
  double awaitRepliesSent(int timeoutSeconds) throws SQLException {
    long start = System.nanoTime();
    while (count("SELECT COUNT(*) FROM outbox_messages WHERE status = 'PENDING' AND recipient LIKE ?") > 0) {
      if (System.nanoTime() - start > timeoutSeconds * 1_000_000_000L) {
        System.out.println("warning: replies still waiting in the outbox after " + timeoutSeconds + " s");
        break;
      }
      LockSupport.parkNanos(250_000_000L);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  Verdict verify(Set<String> acknowledgedKeys, Inspectors inspectors, double drainSeconds) throws SQLException {
    Set<String> stored = new HashSet<>();
    int duplicatedRows = 0;
    try (PreparedStatement q = db.prepareStatement("SELECT dedupe_key FROM inbound_messages WHERE user_id LIKE ?")) {
      q.setString(1, prefix + "-%");
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          if (!stored.add(rs.getString(1))) {
            duplicatedRows++;
          }
        }
      }
    }
    int lost = (int) acknowledgedKeys.stream().filter(k -> !stored.contains(k)).count();
    long failed = count("SELECT COUNT(*) FROM inbound_messages WHERE status = 'FAILED' AND user_id LIKE ?");
    String answersOfRun = "FROM answers a JOIN inspections i ON a.inspection_id = i.id JOIN members m "
        + "ON i.member_id = m.id WHERE m.wecom_user_id LIKE ?";
    long answers = count("SELECT COUNT(*) " + answersOfRun);
    long distinct = count("SELECT COUNT(*) FROM (SELECT DISTINCT a.inspection_id, a.answer_key " + answersOfRun + ") d");
    Map<String, Long> perInspector = new HashMap<>();
    try (PreparedStatement q = db.prepareStatement("SELECT m.wecom_user_id, COUNT(*) " + answersOfRun
        + " GROUP BY m.wecom_user_id")) {
      q.setString(1, prefix + "-%");
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          perInspector.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    int wrong = 0;
    for (int i = 0; i < inspectors.size(); i++) {
      long expected = Inspectors.answersAfter(inspectors.acknowledgedCount(i));
      if (perInspector.getOrDefault(inspectors.id(i), 0L) != expected) {
        wrong++;
      }
    }
    long replies = count("SELECT COUNT(*) FROM outbox_messages WHERE recipient LIKE ?");
    return new Verdict(acknowledgedKeys.size(), lost, duplicatedRows, failed, answers - distinct, wrong, answers,
        replies, drainSeconds);
  }

  private long count(String sql) throws SQLException {
    try (PreparedStatement q = db.prepareStatement(sql)) {
      q.setString(1, prefix + "-%");
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
