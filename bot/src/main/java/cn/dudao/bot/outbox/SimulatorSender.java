package cn.dudao.bot.outbox;

import cn.dudao.bot.inbox.InboundMessage;
import org.springframework.stereotype.Component;

/** The simulator reads its messages from the outbox itself; delivering means marking them sent. */
@Component
class SimulatorSender implements ChannelSender {

  @Override
  public InboundMessage.Channel channel() {
    return InboundMessage.Channel.SIMULATOR;
  }

  /** The simulator has no rate limits; its transcript shows every message as queued. */
  @Override
  public boolean perMemberLimits() {
    return false;
  }

  @Override
  public Result send(String recipient, OutgoingMessage message) {
    return new Result.Sent(message.type() == OutgoingMessage.Type.BUTTON_CARD ? "sim-" + message.taskId() : null);
  }
}
