package cn.dudao.admin.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Puts console logins (successful or not) and logouts on the audit trail. */
@Component
class SessionsAudited {

  private final ConsoleAudit audit;

  SessionsAudited(ConsoleAudit audit) {
    this.audit = audit;
  }

  @EventListener
  void onLogin(AuthenticationSuccessEvent event) {
    audit.record(event.getAuthentication().getName(), ConsoleAudit.LOGIN, "控制台", ConsoleAudit.Outcome.ALLOWED, null);
  }

  @EventListener
  void onFailure(AbstractAuthenticationFailureEvent event) {
    audit.record(event.getAuthentication().getName(), ConsoleAudit.LOGIN, "控制台", ConsoleAudit.Outcome.DENIED,
        reason(event));
  }

  @EventListener
  void onLogout(LogoutSuccessEvent event) {
    audit.record(event.getAuthentication().getName(), ConsoleAudit.LOGOUT, "控制台", ConsoleAudit.Outcome.APPLIED, null);
  }

  private static String reason(AbstractAuthenticationFailureEvent event) {
    String type = event.getException().getClass().getSimpleName();
    return switch (type) {
      case "LockedException" -> "账号已锁定";
      case "BadCredentialsException" -> "用户名或密码错误";
      default -> "登录失败（" + type + "）";
    };
  }
}
