package cn.dudao.admin.plan;

import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.PlanRepository;
import cn.dudao.bot.plan.Plans;
import cn.dudao.bot.plan.Target;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The plan list, a new plan (a second round, another county), and switching plans on and off. */
@Controller
@RequestMapping("/plan")
class PlanController {

  /** The new-plan form as typed; every field optional here, {@link Plans} says what is missing. */
  record PlanForm(String code, String name, String county, Integer year,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fieldStart,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fieldEnd, Integer extensionDays,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportDue, BigDecimal monitoringLine,
                  Integer rectificationDays, String teams) {

    static PlanForm blank() {
      return new PlanForm("", "", "", LocalDate.now().getYear(), null, null, 7, null, null,
          Plan.DEFAULT_RECTIFICATION_DAYS, "第一组、第二组");
    }

    Plans.NewPlan toNewPlan() {
      List<String> names = teams == null ? List.of() : Arrays.asList(teams.split("[、,，;；\\s]+"));
      return new Plans.NewPlan(code, name, county, year, fieldStart, fieldEnd, extensionDays, reportDue,
          monitoringLine, rectificationDays, names);
    }
  }

  private final PlanRepository plans;
  private final Plans planService;
  private final Access access;
  private final ConsoleActors actors;

  PlanController(PlanRepository plans, Plans planService, Access access, ConsoleActors actors) {
    this.plans = plans;
    this.planService = planService;
    this.access = access;
    this.actors = actors;
  }

  @GetMapping
  String list(Authentication auth, Model model) {
    Actor actor = actors.of(auth);
    model.addAttribute("plans", plans.findAll(Sort.by(Sort.Direction.DESC, "id")).stream()
        .filter(p -> access.decide(actor, Access.Action.VIEW, Target.plan(p.getId())).allowed()).toList());
    model.addAttribute("mayCreate", access.decide(actor, Access.Action.ADMIN, Target.plans()).allowed());
    return "plan/list";
  }

  @GetMapping("/new")
  String newPlan(Authentication auth, Model model) {
    access.require(actors.of(auth), Access.Action.ADMIN, Target.plans());
    model.addAttribute("form", PlanForm.blank());
    return "plan/new";
  }

  @PostMapping
  String create(Authentication auth, PlanForm form, Model model, RedirectAttributes redirect) {
    try {
      Plan plan = planService.create(actors.of(auth), form.toNewPlan());
      redirect.addFlashAttribute("notice", "已新建督导方案“" + plan.getName() + "”。请下载模板，依次导入村庄名单、人员名单、农户名单和责任单位联系人。");
      return "redirect:/plan/" + plan.getId();
    } catch (Plans.Invalid invalid) {
      model.addAttribute("form", form);
      model.addAttribute("problems", invalid.problems());
      return "plan/new";
    }
  }

  @PostMapping("/{id}/active")
  String setActive(Authentication auth, @PathVariable long id, @RequestParam boolean active,
                   RedirectAttributes redirect) {
    Plan plan = planService.setActive(actors.of(auth), id, active);
    redirect.addFlashAttribute("notice", "方案“" + plan.getName() + "”已" + (active ? "启用" : "停用") + "。");
    return "redirect:/plan";
  }

  @PostMapping("/{id}/teams")
  String addTeam(Authentication auth, @PathVariable long id, @RequestParam String name, RedirectAttributes redirect) {
    try {
      planService.addTeam(actors.of(auth), id, name);
      redirect.addFlashAttribute("notice", "已新增督导组“" + name.strip() + "”。");
    } catch (Plans.Invalid invalid) {
      redirect.addFlashAttribute("problem", invalid.problems().get(0));
    }
    return "redirect:/plan/" + id;
  }
}
