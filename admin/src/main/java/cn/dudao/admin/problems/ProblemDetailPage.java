package cn.dudao.admin.problems;

import cn.dudao.bot.evidence.EvidenceFlag;
import cn.dudao.bot.evidence.EvidenceFlagRepository;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of one problem's page: its facts, evidence photos, the answer history behind it,
 * the unit's reports with their photos, review decisions and the audit trail, and (for the county
 * office) what its action forms offer.
 */
@Component
class ProblemDetailPage {

  /** A photo as the page links it. */
  record PhotoLink(String url, String thumbUrl) {}

  /**
   * A report with the photos that could be shown, how many could not, and what a reviewer should know
   * about them (evidence flags, e.g. 整改照片与问题照片相同).
   */
  record ReportView(ProblemTrail.Report report, List<PhotoLink> photos, int missing, List<String> flags) {}

  private final ProblemHistory history;
  private final ProblemTrail trail;
  private final EvidencePhotos photos;
  private final ResponsibleUnitRepository units;
  private final EvidenceFlagRepository flags;

  ProblemDetailPage(ProblemHistory history, ProblemTrail trail, EvidencePhotos photos, ResponsibleUnitRepository units,
                    EvidenceFlagRepository flags) {
    this.history = history;
    this.trail = trail;
    this.photos = photos;
    this.units = units;
    this.flags = flags;
  }

  /** Fills {@code model}; {@code form} is what the user typed into a form that failed, or null. */
  void fill(Model model, ProblemRow problem, boolean admin, ProblemForm form) {
    model.addAttribute("problem", problem);
    boolean fromFinding = problem.findingId() != null && problem.answerKey() != null;
    model.addAttribute("steps", fromFinding ? history.of(problem, problem.answerKey()) : List.of());
    model.addAttribute("signOff", fromFinding && problem.inspectionId() != null
        ? history.signOff(problem.inspectionId()) : null);
    List<PhotoLink> stored = links(problem.evidenceIds());
    model.addAttribute("storedPhotos", stored);
    model.addAttribute("missingPhotos", problem.evidenceIds().size() - stored.size());
    model.addAttribute("reports", trail.reports(problem.id()).stream()
        .map(r -> {
          List<PhotoLink> shown = links(r.evidenceIds());
          return new ReportView(r, shown, r.evidenceIds().size() - shown.size(), flags(r.evidenceIds()));
        }).toList());
    model.addAttribute("trail", trail.audit(problem));
    model.addAttribute("admin", admin);
    model.addAttribute("form", form == null ? ProblemForm.EMPTY : form);
    if (admin) {
      model.addAttribute("units", units.findByPlanIdOrderBySortOrderAscIdAsc(problem.planId()));
    }
  }

  private List<String> flags(List<String> evidenceIds) {
    List<Long> ids = evidenceIds.stream().filter(e -> e.matches("\\d{1,18}")).map(Long::valueOf).toList();
    return ids.isEmpty() ? List.of() : flags.findByEvidenceIdInOrderByIdAsc(ids).stream()
        .map(EvidenceFlag::getDetail).distinct().toList();
  }

  private List<PhotoLink> links(List<String> evidenceIds) {
    return photos.shown(evidenceIds).stream().map(e -> new PhotoLink(photos.url(e), photos.thumbUrl(e))).toList();
  }
}
