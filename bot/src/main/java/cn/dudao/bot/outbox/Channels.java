package cn.dudao.bot.outbox;

import cn.dudao.bot.inbox.InboundMessage;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which channel carries the messages Dudao starts itself (reminders, notices), as opposed to replies,
 * which go back where the message came from: WeCom when an app is configured, otherwise the simulator,
 * whose transcript then shows them.
 */
@Component
public class Channels {

  private final boolean wecom;

  Channels(List<ChannelSender> senders) {
    this.wecom = senders.stream()
        .anyMatch(s -> s.channel() == InboundMessage.Channel.WECOM && s.available());
  }

  public InboundMessage.Channel pushChannel() {
    return wecom ? InboundMessage.Channel.WECOM : InboundMessage.Channel.SIMULATOR;
  }
}
