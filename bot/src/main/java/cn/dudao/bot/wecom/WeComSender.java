package cn.dudao.bot.wecom;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.outbox.ChannelSender;
import cn.dudao.bot.outbox.OutgoingMessage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.bean.message.WxCpMessageSendResult;
import me.chanjar.weixin.cp.bean.templatecard.CheckboxOption;
import me.chanjar.weixin.cp.bean.templatecard.TemplateCardButton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends through {@code message/send} and {@code message/update_template_card}, branching on errcode
 * (never errmsg): token errors refresh and retry at once, 45009 (over a frequency limit) waits a minute
 * and 45033 (too many concurrent calls) a few seconds without counting as failures, -1 (busy) backs off,
 * the rest are permanent. See https://developer.work.weixin.qq.com/document/path/90236 and /90313.
 */
@Component
class WeComSender implements ChannelSender {

  private static final Logger log = LoggerFactory.getLogger(WeComSender.class);
  private static final Set<Integer> TOKEN_ERRORS = Set.of(40014, 42001, 41001, 40001);
  private static final int BUSY = -1;
  private static final int OVER_LIMIT = 45009;
  private static final int TOO_CONCURRENT = 45033;
  static final Duration OVER_LIMIT_WAIT = Duration.ofMinutes(1);
  static final Duration TOO_CONCURRENT_WAIT = Duration.ofSeconds(3);

  private final WxCpService service;
  private final WeComProperties properties;

  WeComSender(WxCpService service, WeComProperties properties) {
    this.service = service;
    this.properties = properties;
  }

  @Override
  public InboundMessage.Channel channel() {
    return InboundMessage.Channel.WECOM;
  }

  @Override
  public boolean available() {
    return properties.enabled();
  }

  @Override
  public Result send(String recipient, OutgoingMessage message) {
    if (!properties.enabled()) {
      return new Result.Permanent("WeCom is not configured");
    }
    try {
      return switch (message.type()) {
        case TEXT -> sent(service.getMessageService().send(text(recipient, message)));
        case BUTTON_CARD -> sent(service.getMessageService().send(buttonCard(recipient, message)));
        case MULTI_CARD -> sent(service.getMessageService().send(multiCard(recipient, message)));
        case CARD_UPDATE -> {
          // "Update the button to unclickable" works for every card type (doc 94888).
          service.getTaskCardService().updateTemplateCardButton(List.of(recipient), null, null, 0,
              message.responseCode(), message.replaceText());
          yield new Result.Sent(null);
        }
      };
    } catch (WxErrorException e) {
      return classify(e.getError().getErrorCode());
    }
  }

  private Result classify(int code) {
    log.warn("WeCom send failed with errcode {}", code);
    if (TOKEN_ERRORS.contains(code)) {
      service.getWxCpConfigStorage().expireAccessToken();
      return new Result.Retry("errcode " + code, Duration.ZERO);
    }
    if (code == OVER_LIMIT) {
      return new Result.Throttled("errcode " + code, OVER_LIMIT_WAIT);
    }
    if (code == TOO_CONCURRENT) {
      return new Result.Throttled("errcode " + code, TOO_CONCURRENT_WAIT);
    }
    if (code == BUSY) {
      return new Result.Retry("errcode " + code, null);
    }
    return new Result.Permanent("errcode " + code);
  }

  private static Result sent(WxCpMessageSendResult result) {
    if (!result.getInvalidUserList().isEmpty()) {
      return new Result.Permanent("invalid user");
    }
    return new Result.Sent(result.getResponseCode());
  }

  private WxCpMessage text(String recipient, OutgoingMessage message) {
    return WxCpMessage.TEXT().agentId(properties.agentId()).toUser(recipient).content(message.text()).build();
  }

  private WxCpMessage buttonCard(String recipient, OutgoingMessage message) {
    var buttons = message.buttons().stream()
        .map(b -> TemplateCardButton.builder().text(b.text()).key(b.key()).style(1).build())
        .toList();
    return WxCpMessage.TEMPLATECARD().agentId(properties.agentId()).toUser(recipient)
        .cardType("button_interaction")
        .mainTitleTitle(message.title())
        .mainTitleDesc(message.description())
        .subTitleText(message.subTitle())
        .taskId(message.taskId())
        .buttons(buttons)
        .build();
  }

  private WxCpMessage multiCard(String recipient, OutgoingMessage message) {
    var options = message.buttons().stream()
        .map(b -> CheckboxOption.builder().id(b.key()).text(b.text()).is_checked(false).build())
        .toList();
    return WxCpMessage.TEMPLATECARD().agentId(properties.agentId()).toUser(recipient)
        .cardType("vote_interaction")
        .mainTitleTitle(message.title())
        .taskId(message.taskId())
        .checkboxQuestionKey("q")
        .checkboxMode(1)
        .options(options)
        .submitButtonText("提交")
        .submitButtonKey(message.subTitle())
        .build();
  }

}
