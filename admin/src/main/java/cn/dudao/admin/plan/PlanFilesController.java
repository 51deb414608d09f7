package cn.dudao.admin.plan;

import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.PlanRepository;
import cn.dudao.bot.plan.excel.ImportReport;
import cn.dudao.bot.plan.excel.PlanImports;
import cn.dudao.bot.plan.excel.PlanSheet;
import cn.dudao.bot.plan.excel.PlanWorkbooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Templates to download, imports with their problem lists, and exports of a plan's lists. */
@Controller
class PlanFilesController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final PlanRepository plans;
  private final PlanImports imports;
  private final PlanWorkbooks workbooks;
  private final ConsoleActors actors;

  PlanFilesController(PlanRepository plans, PlanImports imports, PlanWorkbooks workbooks, ConsoleActors actors) {
    this.plans = plans;
    this.imports = imports;
    this.workbooks = workbooks;
    this.actors = actors;
  }

  @GetMapping("/plan/templates/{sheet}.xlsx")
  ResponseEntity<byte[]> template(@PathVariable String sheet) throws IOException {
    PlanSheet s = sheet(sheet);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    workbooks.template(s, out);
    return download(PlanWorkbooks.fileName(s, true), out.toByteArray());
  }

  @GetMapping("/plan/{id}/export/{sheet}.xlsx")
  ResponseEntity<byte[]> export(Authentication auth, @PathVariable long id, @PathVariable String sheet)
      throws IOException {
    PlanSheet s = sheet(sheet);
    Plan plan = plan(id);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    workbooks.export(actors.of(auth), id, s, out);
    return download(plan.getName() + "-" + PlanWorkbooks.fileName(s, false), out.toByteArray());
  }

  @PostMapping("/plan/{id}/import/{sheet}")
  String importFile(Authentication auth, @PathVariable long id, @PathVariable String sheet,
                    @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
    PlanSheet s = sheet(sheet);
    Plan plan = plan(id);
    byte[] bytes = file == null ? new byte[0] : file.getBytes();
    ImportReport report = imports.run(actors.of(auth), id, s, bytes);
    model.addAttribute("plan", plan);
    model.addAttribute("report", report);
    model.addAttribute("fileName", file == null ? "" : file.getOriginalFilename());
    return "plan/import-result";
  }

  private Plan plan(long id) {
    return plans.findById(id).orElseThrow(() -> new IllegalArgumentException("no plan " + id));
  }

  private static PlanSheet sheet(String slug) {
    return PlanSheet.ofSlug(slug).orElseThrow(() -> new IllegalArgumentException("no sheet " + slug));
  }

  private static ResponseEntity<byte[]> download(String name, byte[] body) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .contentType(XLSX)
        .body(body);
  }
}
