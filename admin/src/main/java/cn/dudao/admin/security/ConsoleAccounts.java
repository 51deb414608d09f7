package cn.dudao.admin.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Console accounts for Spring Security, with lockout: five wrong passwords in a row lock an account for
 * fifteen minutes (the counter resets on success).
 */
@Service
class ConsoleAccounts implements UserDetailsService {

  static final int MAX_ATTEMPTS = 5;
  static final Duration LOCK_FOR = Duration.ofMinutes(15);

  private final ConsoleUserRepository users;
  private final Clock clock;

  ConsoleAccounts(ConsoleUserRepository users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    ConsoleUser user = users.findByUsername(username)
        .orElseThrow(() -> new UsernameNotFoundException("no such console user"));
    return User.withUsername(user.getUsername())
        .password(user.getPasswordHash())
        .roles(user.getRole().name())
        .accountLocked(user.lockedAt(clock.instant()))
        .build();
  }

  @EventListener
  @Transactional
  public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
    users.findByUsername(event.getAuthentication().getName())
        .ifPresent(u -> u.failedLogin(MAX_ATTEMPTS, LOCK_FOR, clock.instant()));
  }

  @EventListener
  @Transactional
  public void onSuccess(AuthenticationSuccessEvent event) {
    users.findByUsername(event.getAuthentication().getName()).ifPresent(ConsoleUser::succeededLogin);
  }
}
