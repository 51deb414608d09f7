package cn.dudao.admin.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first county-office account ({@code admin}) when there is none. Its password comes from
 * {@code dudao.console.admin-password} (DUDAO_CONSOLE_ADMIN_PASSWORD) or is generated and printed
 * once, at this first start only; it is never stored in clear or logged again.
 */
@Component
class FirstAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

  private final ConsoleUserRepository users;
  private final PasswordEncoder encoder;
  private final Clock clock;
  private final String configuredPassword;

  FirstAdmin(ConsoleUserRepository users, PasswordEncoder encoder, Clock clock,
             @Value("${dudao.console.admin-password:}") String configuredPassword) {
    this.users = users;
    this.encoder = encoder;
    this.clock = clock;
    this.configuredPassword = configuredPassword;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (users.count() > 0) {
      return;
    }
    boolean generated = configuredPassword.isBlank();
    String password = generated ? generate() : configuredPassword;
    users.save(new ConsoleUser("admin", encoder.encode(password), "县乡村振兴局管理员", ConsoleUser.Role.COUNTY_ADMIN,
        null, null, clock.instant()));
    if (generated) {
      log.warn("\n\n  已创建控制台管理员账号 admin，初始密码（仅显示这一次）：{}\n  请登录后妥善保管；也可用 DUDAO_CONSOLE_ADMIN_PASSWORD 预先设置。\n",
          password);
    } else {
      log.info("Created the console account admin with the configured password");
    }
  }

  private static String generate() {
    byte[] bytes = new byte[9];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
