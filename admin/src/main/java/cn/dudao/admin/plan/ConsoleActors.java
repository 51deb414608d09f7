package cn.dudao.admin.plan;

import cn.dudao.admin.security.ConsoleUser;
import cn.dudao.admin.security.ConsoleUserRepository;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.Actors;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The {@link Actor} behind a console login: its roles, and the roster entry or unit its account is
 * linked to. Roles come from the authentication (so a session keeps the role it logged in with).
 */
@Component
public class ConsoleActors {

  private final Actors actors;
  private final ConsoleUserRepository users;

  ConsoleActors(Actors actors, ConsoleUserRepository users) {
    this.actors = actors;
    this.users = users;
  }

  public Actor of(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return Actor.unknown(Actor.console("anonymous"));
    }
    Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
    Optional<ConsoleUser> user = users.findByUsername(authentication.getName());
    return actors.forConsole(authentication.getName(), roles, user.map(ConsoleUser::getMemberId).orElse(null),
        user.map(ConsoleUser::getUnitId).orElse(null));
  }
}
