package cn.dudao.bot.evidence;

/** The photo of an inbound image message was fetched (stored or refused): its sender's queue can move on. */
public record MediaFetched(String userId, long inboundId) {
}
