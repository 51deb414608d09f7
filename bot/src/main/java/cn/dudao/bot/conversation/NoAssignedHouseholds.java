package cn.dudao.bot.conversation;

import cn.dudao.bot.plan.Member;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Until households are sampled, nobody has an assigned list. */
@Configuration(proxyBeanMethods = false)
class NoAssignedHouseholds {

  @Bean
  @ConditionalOnMissingBean
  AssignedHouseholds assignedHouseholds() {
    return (Member member) -> List.<Map<String, String>>of();
  }
}
