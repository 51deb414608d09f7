package cn.dudao.admin.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The chat simulator page (the dashboard lives in its own package). */
@Controller
class ConsoleController {

  @GetMapping("/simulator")
  String simulator() {
    return "simulator";
  }
}
