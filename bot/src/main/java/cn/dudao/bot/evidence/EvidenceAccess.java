package cn.dudao.bot.evidence;

import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see a photo: whoever {@link Access} lets see something it serves. A photo serves the
 * inspection it was taken in, every problem whose evidence lists it (the finding's photos, also after a
 * merge) and the problem whose rectification report it came with. So the county office and viewers see
 * all; a team leader his team's inspections and problems; an inspector his own; a unit contact the
 * problems assigned to his unit, with their findings' photos and the rectification photos sent for them.
 * Evidence that serves nothing yet (a stray photo) is the county office's and viewers' alone.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceAccess {

  private final JdbcTemplate jdbc;
  private final Access access;

  EvidenceAccess(JdbcTemplate jdbc, Access access) {
    this.jdbc = jdbc;
    this.access = access;
  }

  /** True when {@code actor} may see evidence {@code evidenceId}; nothing is recorded either way. */
  public boolean mayView(Actor actor, long evidenceId) {
    if (actor.role() == Actor.Role.UNKNOWN) {
      return false;
    }
    List<Target> served = servedBy(evidenceId);
    if (served.isEmpty()) {
      return actor.planId() == null
          && (actor.role() == Actor.Role.COUNTY_OFFICE || actor.role() == Actor.Role.VIEWER);
    }
    return served.stream().anyMatch(t -> access.decide(actor, Access.Action.VIEW, t).allowed());
  }

  /** What the evidence serves, as targets of the authorization policy. */
  List<Target> servedBy(long evidenceId) {
    List<Target> targets = new ArrayList<>();
    targets.addAll(jdbc.query("SELECT i.plan_id, i.id, COALESCE(a.team_id, m.team_id), i.member_id FROM evidence e"
            + " JOIN inspections i ON i.id = e.inspection_id LEFT JOIN areas a ON a.id = i.area_id"
            + " LEFT JOIN members m ON m.id = i.member_id WHERE e.id = ?",
        (rs, n) -> Target.inspection(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class), rs.getLong(4)),
        evidenceId));
    String id = Long.toString(evidenceId);
    // evidence_ids is a comma-separated list: LIKE narrows it down, the split decides.
    jdbc.query("SELECT plan_id, id, team_id, unit_id, member_id, evidence_ids FROM problems WHERE evidence_ids LIKE ?",
        rs -> {
          if (Arrays.asList(rs.getString(6).split(",")).contains(id)) {
            targets.add(problem(rs));
          }
        }, "%" + id + "%");
    targets.addAll(jdbc.query("SELECT p.plan_id, p.id, p.team_id, p.unit_id, p.member_id FROM evidence_links l"
        + " JOIN problems p ON p.id = l.problem_id WHERE l.evidence_id = ? AND l.kind = 'RECTIFICATION'",
        (rs, n) -> problem(rs), evidenceId));
    return targets;
  }

  private static Target problem(java.sql.ResultSet rs) throws java.sql.SQLException {
    return Target.problem(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
        (Long) rs.getObject(4, Long.class), (Long) rs.getObject(5, Long.class));
  }
}
