package cn.dudao.admin.security;

import cn.dudao.bot.plan.MemberRepository;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Resolves the signed-in console user to the {@link ConsoleScope} every console query is cut to. */
@Service
@Transactional(readOnly = true)
public class ConsoleScopes {

  private final ConsoleUserRepository users;
  private final MemberRepository members;

  ConsoleScopes(ConsoleUserRepository users, MemberRepository members) {
    this.users = users;
    this.members = members;
  }

  public ConsoleScope of(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return ConsoleScope.NOTHING;
    }
    return users.findByUsername(authentication.getName()).map(this::of).orElse(ConsoleScope.NOTHING);
  }

  private ConsoleScope of(ConsoleUser user) {
    return switch (user.getRole()) {
      case COUNTY_ADMIN -> new ConsoleScope(true, Set.of(), Set.of(), true);
      case VIEWER -> new ConsoleScope(true, Set.of(), Set.of(), false);
      case TEAM_LEADER -> user.getMemberId() == null ? ConsoleScope.NOTHING
          : members.findById(user.getMemberId())
              .map(m -> new ConsoleScope(false, Set.of(m.getTeamId()), Set.of(), false)).orElse(ConsoleScope.NOTHING);
      case UNIT_CONTACT -> user.getUnitId() == null ? ConsoleScope.NOTHING
          : new ConsoleScope(false, Set.of(), Set.of(user.getUnitId()), false);
    };
  }
}
