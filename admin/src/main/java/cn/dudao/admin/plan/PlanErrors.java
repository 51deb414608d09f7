package cn.dudao.admin.plan;

import cn.dudao.bot.plan.Access;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Refusals (already on record by Access) as 403 pages, unknown plans and lists as 404, in Chinese. */
@ControllerAdvice(assignableTypes = {PlanController.class, PlanDataController.class, PlanFilesController.class,
    PlanToolsController.class})
class PlanErrors {

  @ExceptionHandler(Access.Refused.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String refused(Access.Refused refused, Model model) {
    model.addAttribute("reason", refused.getMessage());
    return "plan/denied";
  }

  @ExceptionHandler(IllegalArgumentException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(Model model) {
    model.addAttribute("reason", "没有找到该督导方案或名单。");
    return "plan/denied";
  }
}
