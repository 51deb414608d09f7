package cn.dudao.bot.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The synthetic inspectors of a load run and what each says: the village check answered straight
 * through (开始, village 1, 达标 twelve times, 确认), then again. They are put on the newest active
 * plan's first team, so the bot treats them as rostered members.
 */
final class Inspectors {

  static final List<String> SCRIPT;

  static {
    List<String> script = new ArrayList<>(List.of("开始", "1"));
    script.addAll(Collections.nCopies(12, "达标"));
    script.add("确认");
    SCRIPT = List.copyOf(script);
  }

  private final String[] ids;
  private final int[] sent;

  Inspectors(String prefix, int count) {
    ids = new String[count];
    sent = new int[count];
    for (int i = 0; i < count; i++) {
      ids[i] = prefix + "-" + String.format("%05d", i);
    }
  }

  int size() {
    return ids.length;
  }

  String id(int index) {
    return ids[index];
  }

  /** The next text of inspector {@code index}; only one thread speaks for an inspector at a time. */
  String nextText(int index) {
    return SCRIPT.get(sent[index] % SCRIPT.size());
  }

  void acknowledged(int index) {
    sent[index]++;
  }

  int acknowledgedCount(int index) {
    return sent[index];
  }

  /** Answers the flow stores after {@code messages} applied messages: none for 开始, one for each other. */
  static int answersAfter(int messages) {
    int cycles = messages / SCRIPT.size();
    int rest = messages % SCRIPT.size();
    return cycles * (SCRIPT.size() - 1) + Math.max(0, rest - 1);
  }

  /** Inserts the inspectors that are not yet members of the newest active plan. */
  void ensureOnRoster(Connection db) throws SQLException {
    long planId;
    long teamId;
    try (PreparedStatement q = db.prepareStatement(
        "SELECT p.id, t.id FROM plans p JOIN teams t ON t.plan_id = p.id WHERE p.active = TRUE "
            + "ORDER BY p.id DESC, t.team_no ASC LIMIT 1");
         ResultSet rs = q.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("no active plan with a team: start a node first (it seeds the plan)");
      }
      planId = rs.getLong(1);
      teamId = rs.getLong(2);
    }
    java.util.Set<String> present = new java.util.HashSet<>();
    try (PreparedStatement q = db.prepareStatement("SELECT wecom_user_id FROM members WHERE plan_id = ?")) {
      q.setLong(1, planId);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          present.add(rs.getString(1));
        }
      }
    }
    db.setAutoCommit(false);
    try (PreparedStatement insert = db.prepareStatement(
        "INSERT INTO members (plan_id, team_id, name, role, position, wecom_user_id, sort_order) "
            + "VALUES (?, ?, ?, 'MEMBER', '压测', ?, ?)")) {
      for (int i = 0; i < ids.length; i++) {
        if (present.contains(ids[i])) {
          continue;
        }
        insert.setLong(1, planId);
        insert.setLong(2, teamId);
        insert.setString(3, "压测员" + i);
        insert.setString(4, ids[i]);
        insert.setInt(5, 10_000 + i);
        insert.addBatch();
      }
      insert.executeBatch();
      db.commit();
    } finally {
      db.setAutoCommit(true);
    }
  }
}
