package cn.dudao.admin.console;

import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.inspection.Inspection;
import cn.dudao.bot.inspection.InspectionRepository;
import cn.dudao.bot.outbox.OutboxRecord;
import cn.dudao.bot.outbox.OutboxRepository;
import cn.dudao.bot.plan.PlanRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's front page (a placeholder until the dashboard) and the simulator page. */
@Controller
class ConsoleController {

  private final PlanRepository plans;
  private final InspectionRepository inspections;
  private final InboxRepository inbox;
  private final OutboxRepository outbox;

  ConsoleController(PlanRepository plans, InspectionRepository inspections, InboxRepository inbox,
                    OutboxRepository outbox) {
    this.plans = plans;
    this.inspections = inspections;
    this.inbox = inbox;
    this.outbox = outbox;
  }

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("plans", plans.findByActiveTrueOrderByIdDesc());
    model.addAttribute("confirmed", inspections.findByStatusOrderByIdAsc(Inspection.Status.CONFIRMED).size());
    model.addAttribute("drafts", inspections.findByStatusOrderByIdAsc(Inspection.Status.DRAFT).size());
    model.addAttribute("pendingInbound", inbox.countByStatus(InboundRecord.Status.PENDING));
    model.addAttribute("pendingOutbound", outbox.countByStatus(OutboxRecord.Status.PENDING));
    model.addAttribute("deadLetters", outbox.countByStatus(OutboxRecord.Status.DEAD));
    return "home";
  }

  @GetMapping("/simulator")
  String simulator() {
    return "simulator";
  }
}
