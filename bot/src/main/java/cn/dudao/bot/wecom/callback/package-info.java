/**
 * The WeCom callback's crypto and parsing: verify, decrypt and check a callback exactly as the WeCom
 * "加解密方案说明" prescribes (plus the checks WxJava leaves open), then map the signed inner XML to an
 * {@link cn.dudao.bot.inbox.InboundMessage}. No Spring, no I/O; the HTTP controller lives elsewhere.
 */
package cn.dudao.bot.wecom.callback;
