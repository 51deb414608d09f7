package cn.dudao.admin.plan;

import cn.dudao.bot.plan.HouseholdCategory;
import cn.dudao.bot.plan.PlanRepository;
import cn.dudao.bot.plan.TeamRepository;
import cn.dudao.bot.plan.contacts.ContactDirectory;
import cn.dudao.bot.plan.contacts.ContactSync;
import cn.dudao.bot.sampling.HouseholdSampler;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The WeCom contact sync and household sampling, each showing what it did. */
@Controller
@RequestMapping("/plan/{id}")
class PlanToolsController {

  private final PlanRepository plans;
  private final TeamRepository teams;
  private final ContactSync sync;
  private final HouseholdSampler sampler;
  private final ConsoleActors actors;
  private final SecureRandom random = new SecureRandom();

  PlanToolsController(PlanRepository plans, TeamRepository teams, ContactSync sync, HouseholdSampler sampler,
                      ConsoleActors actors) {
    this.plans = plans;
    this.teams = teams;
    this.sync = sync;
    this.sampler = sampler;
    this.actors = actors;
  }

  @PostMapping("/contacts-sync")
  String syncContacts(Authentication auth, @PathVariable long id, Model model) {
    model.addAttribute("plan", plans.findById(id).orElseThrow(() -> new IllegalArgumentException("no plan")));
    try {
      model.addAttribute("result", sync.sync(actors.of(auth), id));
    } catch (ContactDirectory.Unavailable e) {
      model.addAttribute("failure", e.getMessage());
    }
    return "plan/sync-result";
  }

  @PostMapping("/sampling")
  String sample(Authentication auth, @PathVariable long id, @RequestParam long teamId,
                @RequestParam Map<String, String> form, Model model) {
    var team = teams.findById(teamId).filter(t -> t.getPlanId() == id)
        .orElseThrow(() -> new IllegalArgumentException("no team"));
    Map<HouseholdCategory, Integer> quotas = new EnumMap<>(HouseholdCategory.class);
    for (HouseholdCategory c : HouseholdCategory.values()) {
      String v = form.getOrDefault("quota_" + c.name(), "0").strip();
      quotas.put(c, v.matches("\\d{1,3}") ? Integer.parseInt(v) : 0);
    }
    List<HouseholdSampler.Result> results;
    try {
      results = sampler.sampleTeam(actors.of(auth), teamId, quotas, random);
    } catch (IllegalStateException e) {
      model.addAttribute("failure", e.getMessage());
      results = List.of();
    }
    model.addAttribute("plan", plans.findById(id).orElseThrow());
    model.addAttribute("team", team);
    model.addAttribute("results", results);
    model.addAttribute("assigned", results.stream().mapToInt(r -> r.assigned().size()).sum());
    return "plan/sampling-result";
  }
}
