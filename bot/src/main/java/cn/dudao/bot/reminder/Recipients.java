package cn.dudao.bot.reminder;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * WeCom user ids of a plan's members, read as plain rows: planning may concern a hundred thousand people.
 * Roster entries still waiting for their WeCom id (contact sync) get no reminder.
 */
@Component
class Recipients {

  private final JdbcTemplate jdbc;

  Recipients(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The user ids of the given members of the plan, sorted. */
  List<String> userIds(long planId, Collection<Long> memberIds) {
    Map<Long, String> users = new HashMap<>();
    jdbc.query("SELECT id, wecom_user_id FROM members WHERE plan_id = ? AND wecom_user_id IS NOT NULL",
        rs -> {
          users.put(rs.getLong(1), rs.getString(2));
        }, planId);
    return memberIds.stream().map(users::get).filter(u -> u != null).sorted().toList();
  }

  /** The user ids of the plan's team leaders. */
  List<String> leaders(long planId) {
    return jdbc.queryForList("SELECT wecom_user_id FROM members WHERE plan_id = ? AND role = 'LEADER'"
        + " AND wecom_user_id IS NOT NULL ORDER BY team_id, sort_order", String.class, planId);
  }
}
