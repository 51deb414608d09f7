package cn.dudao.bot.wecom;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional contacts access ({@code dudao.wecom.contacts-secret}, {@code dudao.wecom.contacts-root-department}).
 * WeCom lets an app created after 2022-06-20 read member lists ({@code user/list_id}) only with the
 * contacts secret (通讯录同步 Secret, 管理工具 → 通讯录同步); without one Dudao uses the app's own
 * secret, which sees the members in the app's visible range. Secrets never appear in toString().
 *
 * @param contactsSecret         the contacts secret; blank to use the app secret
 * @param contactsRootDepartment the department whose members (and sub-departments') are matched; 1 is the whole corp
 */
@ConfigurationProperties("dudao.wecom")
public record WeComContactsProperties(String contactsSecret, @DefaultValue("1") long contactsRootDepartment) {

  public boolean hasOwnSecret() {
    return contactsSecret != null && !contactsSecret.isBlank();
  }

  @Override
  public String toString() {
    return "WeComContactsProperties[contactsSecret=" + (hasOwnSecret() ? "******" : "(unset)")
        + ", contactsRootDepartment=" + contactsRootDepartment + "]";
  }
}
