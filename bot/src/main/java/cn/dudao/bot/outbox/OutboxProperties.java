package cn.dudao.bot.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery settings ({@code dudao.outbox.*}). The per-member limits stay under WeCom's 30 per minute
 * and 1000 per hour per app and member, beyond which WeCom drops messages without an error.
 *
 * @param perMemberPerMinute messages to one person per minute at most
 * @param perMemberPerHour   messages to one person per hour at most
 * @param maxAttempts        failed attempts before a message becomes a dead letter
 * @param claimTimeout       how long a node may hold a message it is sending
 * @param pollInterval       how often each node looks for due messages
 * @param parallelism        recipients one node sends to at the same time (each recipient's messages
 *                           still go one at a time, in order)
 */
@ConfigurationProperties("dudao.outbox")
public record OutboxProperties(
    @DefaultValue("25") int perMemberPerMinute,
    @DefaultValue("900") int perMemberPerHour,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("30s") Duration claimTimeout,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("8") int parallelism) {
}
