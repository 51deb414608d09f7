package cn.dudao.bot.wecom;

import cn.dudao.bot.plan.contacts.ContactDirectory;
import cn.dudao.bot.store.KeyValueStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.WxCpUser;
import me.chanjar.weixin.cp.bean.user.WxCpDeptUserResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The corp's member directory, read through WxJava's user service: {@code user/simplelist} (ids and
 * names in one call) and, where WeCom refuses that to the secret in use, {@code user/list_id} page by
 * page with {@code user/get} for each name. Uses the contacts secret when one is configured (its token
 * cached apart from the app's, in a client of its own), the app's {@link WxCpService} bean otherwise.
 * Both retry once (errcode -1 only): with {@code maxRetryTimes = 0} WxJava 4.7 would turn every errcode
 * into a bare {@code WxRuntimeException("超出重试次数")}, and 48009 could not be told from other failures.
 * See https://developer.work.weixin.qq.com/document/path/90201 and /96067.
 */
@Component
public class WeComDirectory implements ContactDirectory {

  private static final Logger log = LoggerFactory.getLogger(WeComDirectory.class);
  /** 48002 / 48009: API not allowed for this secret; 60011: no privilege for the department. */
  private static final Set<Integer> NOT_ALLOWED = Set.of(48002, 48009, 60011);
  private static final int PAGE = 1000;

  private final WxCpService service;
  private final WeComProperties properties;
  private final WeComContactsProperties contacts;

  WeComDirectory(WxCpService appService, WeComProperties properties, WeComContactsProperties contacts,
                 KeyValueStore store) {
    this.properties = properties;
    this.contacts = contacts;
    this.service = contacts.hasOwnSecret() ? contactsClient(properties, contacts, store) : appService;
  }

  /** Everyone in the configured root department and below. */
  @Override
  public List<Person> people() {
    return people(contacts.contactsRootDepartment());
  }

  /** Everyone in department {@code root} and below. */
  public List<Person> people(long root) {
    if (!properties.enabled()) {
      throw new Unavailable("未配置企业微信（dudao.wecom.corp-id 等），无法读取通讯录");
    }
    try {
      return service.getUserService().listSimpleByDepartment(root, true, 0).stream()
          .map(u -> new Person(u.getUserId(), u.getName())).toList();
    } catch (WxErrorException e) {
      int code = e.getError().getErrorCode();
      if (!NOT_ALLOWED.contains(code)) {
        throw unavailable("user/simplelist", code);
      }
      log.info("user/simplelist refused with errcode {}; reading user/list_id instead", code);
    }
    return byIdList();
  }

  private List<Person> byIdList() {
    Map<String, Person> people = new LinkedHashMap<>();
    String cursor = null;
    try {
      do {
        WxCpDeptUserResult page = service.getUserService().getUserListId(cursor, PAGE);
        if (page.getDeptUser() != null) {
          for (WxCpDeptUserResult.DeptUserList entry : page.getDeptUser()) {
            people.computeIfAbsent(entry.getUserId(), id -> new Person(id, null));
          }
        }
        cursor = page.getNextCursor();
      } while (cursor != null && !cursor.isEmpty());
    } catch (WxErrorException e) {
      throw unavailable("user/list_id", e.getError().getErrorCode());
    }
    List<Person> named = new ArrayList<>();
    for (String id : people.keySet()) {
      try {
        WxCpUser user = service.getUserService().getById(id);
        named.add(new Person(id, user.getName()));
      } catch (WxErrorException e) {
        // A member outside the secret's visible range: listed without a name, so never matched.
        log.info("user/get refused for one member with errcode {}", e.getError().getErrorCode());
      }
    }
    return named;
  }

  private static Unavailable unavailable(String api, int code) {
    return new Unavailable("读取企业微信通讯录失败（" + api + "，错误码 " + code + "）。"
        + (code == 60020 ? "请在企业微信管理后台把服务器 IP 加入可信 IP。"
            : "请确认已配置通讯录同步 Secret（dudao.wecom.contacts-secret）或应用的可见范围包含这些成员。"));
  }

  private static WxCpService contactsClient(WeComProperties properties, WeComContactsProperties contacts,
                                            KeyValueStore store) {
    // Its own key prefix: the contacts secret's token must never be taken for the app's, or back.
    StoreBackedCpConfig config = new StoreBackedCpConfig(store, "wecom-contacts");
    config.setCorpId(properties.enabled() ? properties.corpId() : "unset");
    config.setAgentId(properties.agentId());
    config.setCorpSecret(contacts.contactsSecret());
    config.setBaseApiUrl(properties.apiBaseUrl());
    WxCpServiceImpl service = new WxCpServiceImpl();
    service.setWxCpConfigStorage(config);
    // One retry, for errcode -1 (busy) only; any other errcode reaches us as a WxErrorException.
    service.setMaxRetryTimes(1);
    service.setRetrySleepMillis(500);
    return service;
  }
}
