package cn.dudao.admin.problems;

import cn.dudao.admin.console.CurrentPlan;
import cn.dudao.admin.plan.ConsoleActors;
import cn.dudao.admin.security.ConsoleScope;
import cn.dudao.admin.security.ConsoleScopes;
import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.Actors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The county office's actions on one problem's page: 修改表述, 改派, 延期, 合并, 交办, 销号. Each form
 * carries the CSRF token and a reason; a refused form comes back on the page with its message and what
 * was typed; a done one redirects to the page with what happened.
 */
@Controller
@PreAuthorize("hasRole('COUNTY_ADMIN')")
class ProblemActionsController {

  private final ProblemSource problems;
  private final ProblemActions actions;
  private final ProblemDetailPage detailPage;
  private final ConsoleScopes scopes;
  private final ConsoleActors actors;

  ProblemActionsController(ProblemSource problems, ProblemActions actions, ProblemDetailPage detailPage,
                           ConsoleScopes scopes, ConsoleActors actors) {
    this.problems = problems;
    this.actions = actions;
    this.detailPage = detailPage;
    this.scopes = scopes;
    this.actors = actors;
  }

  static boolean isAdmin(Authentication user) {
    return user != null && user.getAuthorities().stream()
        .anyMatch(a -> ("ROLE_" + Actors.COUNTY_ADMIN).equals(a.getAuthority()));
  }

  @PostMapping("/problems/{id}/{action:edit|reassign|extend|merge|assign|close}")
  String act(@PathVariable long id, @PathVariable String action, ProblemForm form, Authentication user,
             Model model, HttpServletResponse response, RedirectAttributes redirect) {
    ConsoleScope scope = scopes.of(user);
    ProblemRow problem = problems.find(id, scope)
        .orElseThrow(() -> new CurrentPlan.NotFound("没有找到该问题，或您无权查看"));
    ProblemForm typed = form.withAction(action);
    try {
      ProblemActions.validate(action, typed, false);
      ProblemActions.Outcome outcome = actions.apply(actors.of(user), scope, problem, action, typed);
      redirect.addFlashAttribute(outcome.done() ? "notice" : "warning",
          problem.number() + "：" + outcome.message() + "。");
      return "redirect:/problems/" + id;
    } catch (Access.Refused refused) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, refused.getMessage());
    } catch (IllegalArgumentException | IllegalStateException bad) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", ProblemActions.VERBS.get(action) + "未完成：" + bad.getMessage());
      detailPage.fill(model, problems.find(id, scope).orElse(problem), true, typed);
      return "problem";
    }
  }
}
