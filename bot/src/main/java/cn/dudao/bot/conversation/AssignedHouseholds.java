package cn.dudao.bot.conversation;

import cn.dudao.bot.plan.Member;
import java.util.List;
import java.util.Map;

/**
 * The households an inspector is assigned to visit, as flow options ({@code key}: household id,
 * {@code label}: what he sees). Household sampling provides it; without a sample the list is empty and
 * the household flow offers only 新增农户.
 */
public interface AssignedHouseholds {

  List<Map<String, String>> forMember(Member member);
}
