package cn.dudao.admin.security;

import cn.dudao.admin.plan.ConsoleActors;
import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.Actor;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves the signed-in console user to the {@link ConsoleScope} every console query is cut to. Who he
 * is ({@link ConsoleActors}, i.e. the bot's {@code Actors}) and what he may see ({@link Access#scope})
 * are decided in the bot alone; this class only translates the result for the console's queries, so a
 * unit contact of the county office's own unit sees what the county office sees, here and in the bot.
 */
@Service
@Transactional(readOnly = true)
public class ConsoleScopes {

  private final ConsoleActors actors;
  private final Access access;

  ConsoleScopes(ConsoleActors actors, Access access) {
    this.actors = actors;
    this.access = access;
  }

  public ConsoleScope of(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return ConsoleScope.NOTHING;
    }
    return of(actors.of(authentication));
  }

  /**
   * The console's view of {@link Access#scope}: the work of the teams whose work is visible, the
   * problems of the units whose problems are visible, in the plans he may see. Accounts spanning all
   * plans (the actor has no plan: console admins, viewers) see every plan; a plan-bound account (team
   * leader, unit contact, the county office's own unit's contact) sees his own plan and nothing of
   * another, which {@link cn.dudao.admin.console.CurrentPlan} and every scoped query enforce.
   */
  public ConsoleScope of(Actor actor) {
    if (actor.role() == Actor.Role.UNKNOWN) {
      return ConsoleScope.NOTHING;
    }
    Access.Scope scope = access.scope(actor, actor.planId() == null ? 0L : actor.planId());
    Set<Long> planIds = actor.planId() == null ? null : Set.of(actor.planId());
    return new ConsoleScope(planIds, scope.everything(), scope.workTeamIds(), scope.unitIds(),
        scope.everything() && !scope.readOnly());
  }
}
