package cn.dudao.admin.outbox;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.outbox.Outbox;
import cn.dudao.bot.outbox.OutboxRecord;
import cn.dudao.bot.outbox.OutboxRepository;
import cn.dudao.bot.outbox.OutgoingMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 消息队列: what waits to be sent (oldest first) and the dead letters (newest first), each with why;
 * a dead letter can be sent again. County office administrators only.
 */
@Controller
@RequestMapping("/outbox")
@PreAuthorize("hasRole('COUNTY_ADMIN')")
class OutboxController {

  /** One message as the page shows it. */
  record Row(long id, String recipient, String channel, String type, String preview, int attempts, String createdAt,
             String nextAttemptAt, String lastError) {}

  private static final int SHOWN = 200;
  private static final int PREVIEW = 60;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.of("Asia/Shanghai"));

  private final OutboxRepository repository;
  private final Outbox outbox;

  OutboxController(OutboxRepository repository, Outbox outbox) {
    this.repository = repository;
    this.outbox = outbox;
  }

  @GetMapping
  String page(Model model) {
    model.addAttribute("pendingCount", repository.countByStatus(OutboxRecord.Status.PENDING));
    model.addAttribute("deadCount", repository.countByStatus(OutboxRecord.Status.DEAD));
    model.addAttribute("mergedCount", repository.countByStatus(OutboxRecord.Status.MERGED));
    model.addAttribute("pending", rows(repository.findByStatusOrderByIdAsc(OutboxRecord.Status.PENDING, Limit.of(SHOWN))));
    model.addAttribute("dead", rows(repository.findByStatusOrderByIdDesc(OutboxRecord.Status.DEAD, Limit.of(SHOWN))));
    return "outbox";
  }

  @PostMapping("/{id}/resend")
  String resend(@PathVariable long id, RedirectAttributes redirect) {
    try {
      outbox.resend(id);
      redirect.addFlashAttribute("notice", "消息 #" + id + " 已重新加入发送队列。");
    } catch (IllegalStateException | IllegalArgumentException e) {
      redirect.addFlashAttribute("problem", "消息 #" + id + " 不是死信，无法重发。");
    }
    return "redirect:/outbox";
  }

  private List<Row> rows(List<OutboxRecord> records) {
    return records.stream().map(this::row).toList();
  }

  private Row row(OutboxRecord r) {
    OutgoingMessage m = outbox.read(r);
    String text = m.text() == null ? "" : m.text().replace('\n', ' ');
    return new Row(r.getId(), r.getRecipient(), channel(r.getChannel()), type(m.type()),
        text.length() > PREVIEW ? text.substring(0, PREVIEW) + "…" : text, r.getAttempts(), time(r.getCreatedAt()),
        time(r.getNextAttemptAt()), r.getLastError() == null ? "" : r.getLastError());
  }

  private static String channel(InboundMessage.Channel channel) {
    return channel == InboundMessage.Channel.WECOM ? "企业微信" : "模拟器";
  }

  private static String type(OutgoingMessage.Type type) {
    return switch (type) {
      case TEXT -> "文本";
      case BUTTON_CARD -> "按钮卡片";
      case MULTI_CARD -> "多选卡片";
      case CARD_UPDATE -> "卡片更新";
    };
  }

  private static String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }
}
