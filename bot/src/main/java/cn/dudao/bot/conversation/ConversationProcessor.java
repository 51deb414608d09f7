package cn.dudao.bot.conversation;

import cn.dudao.bot.evidence.MediaFetches;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.outbox.Outbox;
import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.Actors;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.Roster;
import cn.dudao.bot.plan.Target;
import cn.dudao.bot.outbox.OutgoingMessage;
import cn.dudao.bot.problem.ProblemChat;
import cn.dudao.flows.engine.ConversationState;
import java.util.List;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a person's next recorded message in one transaction: lock his conversation row, take his
 * earliest pending message, run it through the flow, store answers, state and outgoing messages, and
 * mark the message done. A crash anywhere rolls all of it back and the message is applied again.
 * An image waits at the head of its sender's queue until its photo is fetched (outside this
 * transaction), so the messages behind it keep their order.
 */
@Service
public class ConversationProcessor {

  private final ConversationRows rows;
  private final Inbox inbox;
  private final Roster roster;
  private final Actors actors;
  private final Access access;
  private final Outbox outbox;
  private final FlowSession flowSession;
  private final ProblemChat problemChat;
  private final MediaFetches mediaFetches;
  private final Clock clock;

  ConversationProcessor(ConversationRows rows, Inbox inbox,
                               Roster roster, Actors actors, Access access, Outbox outbox, FlowSession flowSession,
                               ProblemChat problemChat, MediaFetches mediaFetches,
                               Clock clock) {
    this.rows = rows;
    this.inbox = inbox;
    this.roster = roster;
    this.actors = actors;
    this.access = access;
    this.outbox = outbox;
    this.flowSession = flowSession;
    this.problemChat = problemChat;
    this.mediaFetches = mediaFetches;
    this.clock = clock;
  }

  /**
   * Applies the earliest pending message of {@code userId}; true when another one waits behind it.
   * False when none was waiting, when the one applied was the last, or when the head is an image whose
   * photo is still being fetched ({@link cn.dudao.bot.evidence.MediaFetched} wakes him). A message
   * recorded after this look wakes a drain of its own ({@link Inbox.MessageRecorded}).
   */
  @Transactional
  public boolean processNext(String userId) {
    ConversationRecord conversation = rows.lock(userId)
        .orElseThrow(() -> new IllegalStateException("conversation row missing for " + userId));
    Optional<Inbox.Head> next = inbox.nextPending(userId);
    if (next.isEmpty()) {
      return false;
    }
    InboundRecord record = next.get().record();
    InboundMessage message = inbox.read(record);
    ReplyBuffer replies = new ReplyBuffer();
    // A flow in progress pins the plan it was started in (a person may be on two plans' rosters).
    Optional<ConversationState> state = flowSession.state(conversation);
    Optional<Member> member = roster.findMember(userId,
        FlowSession.inFlow(state) ? conversation.getMemberId() : null);
    Actor sender = member.map(actors::forMember).orElseGet(() -> actors.forWecomUser(userId));
    // Inspectors' and unit contacts' photos are fetched (MediaFetcher); their image waits until settled.
    if (sender.role() != Actor.Role.UNKNOWN && message.kind() == InboundMessage.Kind.IMAGE
        && mediaFetches.find(record.getId()).isEmpty()) {
      return false;
    }
    // Problem cards (p:<id>:<action>), open rectification drafts and unit contacts go to the problem list
    // before the flow engine; everyone else off the roster is still refused below.
    Optional<List<OutgoingMessage>> aboutProblems = sender.role() == Actor.Role.UNKNOWN ? Optional.empty()
        : problemChat.handle(record, message, sender);
    if (aboutProblems.isPresent()) {
      aboutProblems.get().forEach(m -> {
        if (m.type() == OutgoingMessage.Type.TEXT) {
          replies.say(m.text());
        } else {
          replies.add(m);
        }
      });
    } else if (member.isEmpty()) {
      Actor actor = actors.forWecomUser(userId);
      if (access.permits(actor, Access.Action.WORK, Target.bot())) {
        replies.say(Replies.CONTACT_HINT.formatted(actor.name()));
      } else {
        replies.say(Replies.NOT_ON_ROSTER);
      }
    } else {
      flowSession.apply(conversation, state, member.get(), record, message, replies);
    }
    replies.drain(message.channel()).forEach(m -> outbox.enqueue(message.channel(), userId, m));
    inbox.markDone(record, clock.instant());
    rows.save(conversation);
    return next.get().more();
  }
}
