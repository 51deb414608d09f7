package cn.dudao.bot.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Conversation settings ({@code dudao.conversation.*}).
 *
 * @param startFlow  the flow that “开始” alone starts (the village check; each flow also has its own word)
 */
@ConfigurationProperties("dudao.conversation")
public record ConversationProperties(@DefaultValue(FlowCatalog.VILLAGE_CHECK) String startFlow) {
}
