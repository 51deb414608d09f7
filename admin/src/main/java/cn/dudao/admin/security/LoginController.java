package cn.dudao.admin.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the Chinese login page; Spring Security handles the POST. */
@Controller
class LoginController {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
