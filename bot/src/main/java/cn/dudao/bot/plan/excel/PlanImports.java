package cn.dudao.bot.plan.excel;

import cn.dudao.bot.audit.AuditEvent;
import cn.dudao.bot.audit.AuditLog;
import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.PlanRepository;
import cn.dudao.bot.plan.Target;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one of a plan's lists from an uploaded workbook, fully or not at all: the county office
 * only; the file is read first, then every row is checked against the plan and written in one
 * transaction, only when nothing is wrong. A database failure while writing rolls back everything written.
 */
@Service
public class PlanImports {

  private static final Logger log = LoggerFactory.getLogger(PlanImports.class);

  private final Map<PlanSheet, SheetImport> imports = new EnumMap<>(PlanSheet.class);
  private final SheetReader reader;
  private final PlanRepository plans;
  private final Access access;
  private final AuditLog audit;
  private final TransactionTemplate transaction;

  PlanImports(List<SheetImport> imports, ImportProperties limits, PlanRepository plans, Access access, AuditLog audit,
              PlatformTransactionManager transactions) {
    imports.forEach(i -> this.imports.put(i.sheet(), i));
    this.reader = new SheetReader(limits);
    this.plans = plans;
    this.access = access;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Imports {@code file} as {@code sheet} into plan {@code planId}; refused unless the actor may. */
  public ImportReport run(Actor actor, long planId, PlanSheet sheet, byte[] file) {
    access.require(actor, Access.Action.ADMIN, Target.planData(planId));
    plans.findById(planId).orElseThrow(() -> new IllegalArgumentException("no plan " + planId));
    String target = sheet.slug() + "@plan:" + planId;
    // Parsing holds no connection; checking against the plan and writing share one transaction.
    SheetRows rows = reader.read(sheet, file);
    ImportReport report;
    try {
      report = rows.ok() ? transaction.execute(status -> checkAndWrite(actor, planId, sheet, rows, status))
          : ImportReport.rejected(sheet, rows.rows().size(), rows.problems());
    } catch (DataAccessException e) {
      // Database messages can hold names and masked ID numbers, never full ones (they are masked on reading).
      log.warn("Import of {} into plan {} failed and was rolled back: {}", sheet, planId,
          e.getMostSpecificCause().getMessage());
      report = ImportReport.rejected(sheet, 0, List.of(ImportProblem.ofFile("写入数据库时出错，已全部撤销，未写入任何数据。"
          + "请检查文件后重试，或联系管理员")));
      audit.recordAlone(actor.id(), "import " + sheet.slug(), target, AuditEvent.Outcome.FAILED,
          e.getClass().getSimpleName());
      return report;
    }
    if (!report.applied()) {
      audit.recordAlone(actor.id(), "import " + sheet.slug(), target, AuditEvent.Outcome.REJECTED, report.summary());
    }
    return report;
  }

  private ImportReport checkAndWrite(Actor actor, long planId, PlanSheet sheet, SheetRows rows,
                                     TransactionStatus status) {
    Counts counts = imports.get(sheet).apply(planId, rows);
    if (!rows.ok()) {
      status.setRollbackOnly();
      return ImportReport.rejected(sheet, rows.rows().size(), rows.problems());
    }
    ImportReport done = new ImportReport(sheet, true, rows.rows().size(), counts.created, counts.updated,
        counts.unchanged, List.of());
    audit.record(actor.id(), "import " + sheet.slug(), sheet.slug() + "@plan:" + planId, AuditEvent.Outcome.APPLIED,
        done.summary());
    return done;
  }
}
