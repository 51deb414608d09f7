package cn.dudao.bot.wecom;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.wecom.callback.CallbackCrypto;
import cn.dudao.bot.wecom.callback.CallbackRejectedException;
import cn.dudao.bot.wecom.callback.InboundParser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WeCom callback ({@code /wecom/callback}). GET answers URL verification; POST verifies, decrypts,
 * records the message durably and answers an empty 200 at once, well inside WeCom's 5-second deadline
 * (https://developer.work.weixin.qq.com/document/path/90930). Replies go out later through the outbox.
 */
@RestController
@RequestMapping("/wecom/callback")
class CallbackController {

  private static final Logger log = LoggerFactory.getLogger(CallbackController.class);

  private final WeComProperties properties;
  private final ObjectProvider<CallbackCrypto> crypto;
  private final InboundParser parser;
  private final Inbox inbox;

  CallbackController(WeComProperties properties, ObjectProvider<CallbackCrypto> crypto, InboundParser parser, Inbox inbox) {
    this.properties = properties;
    this.crypto = crypto;
    this.parser = parser;
    this.inbox = inbox;
  }

  @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> verifyUrl(@RequestParam("msg_signature") String signature,
                                   @RequestParam("timestamp") String timestamp,
                                   @RequestParam("nonce") String nonce,
                                   @RequestParam("echostr") String echostr) {
    if (!properties.enabled()) {
      return ResponseEntity.notFound().build();
    }
    try {
      return ResponseEntity.ok(crypto.getObject().verifyUrl(signature, timestamp, nonce, echostr));
    } catch (CallbackRejectedException e) {
      return refuse(e);
    }
  }

  @PostMapping(produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> receive(@RequestParam("msg_signature") String signature,
                                 @RequestParam("timestamp") String timestamp,
                                 @RequestParam("nonce") String nonce,
                                 HttpServletRequest request) throws IOException {
    if (!properties.enabled()) {
      return ResponseEntity.notFound().build();
    }
    if (request.getContentLengthLong() > properties.maxBodyBytes()) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body("");
    }
    byte[] body = request.getInputStream().readNBytes(properties.maxBodyBytes() + 1);
    if (body.length > properties.maxBodyBytes()) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body("");
    }
    try {
      InboundMessage message = parser.parse(crypto.getObject().openMessage(signature, timestamp, nonce, body));
      if (properties.agentId() != null && message.agentId() != null && !properties.agentId().equals(message.agentId())) {
        log.warn("Refused a WeCom callback for agent {}: this node serves agent {}", message.agentId(),
            properties.agentId());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body("");
      }
      Inbox.Outcome outcome = inbox.accept(message);
      log.debug("Callback {} from {}: {}", message.dedupeKey(), message.userId(), outcome);
      return ResponseEntity.ok("");
    } catch (CallbackRejectedException e) {
      return refuse(e);
    }
  }

  private ResponseEntity<String> refuse(CallbackRejectedException e) {
    log.warn("Refused a WeCom callback ({}): {}", e.reason(), e.getMessage());
    HttpStatus status = switch (e.reason()) {
      case BODY_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
      case BAD_SIGNATURE, WRONG_RECEIVER -> HttpStatus.FORBIDDEN;
      default -> HttpStatus.BAD_REQUEST;
    };
    return ResponseEntity.status(status).body("");
  }
}
