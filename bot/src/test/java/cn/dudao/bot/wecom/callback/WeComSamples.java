package cn.dudao.bot.wecom.callback;

import cn.dudao.bot.wecom.WeComProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** The official WeCom sample vectors (加解密方案说明 / the WXBizMsgCrypt samples) and test helpers. */
final class WeComSamples {

  static final String TOKEN = "QDG6eK";
  static final String CORP_ID = "wx5823bf96d3bd56c7";
  static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
  static final int AGENT_ID = 218;

  static final String VERIFY_SIGNATURE = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
  static final String VERIFY_TIMESTAMP = "1409659589";
  static final String VERIFY_NONCE = "263014780";
  static final String VERIFY_ECHOSTR =
      "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
  static final String VERIFY_PLAINTEXT = "1616140317555161061";

  static final String POST_SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6";
  static final String POST_TIMESTAMP = "1409659813";
  static final String POST_NONCE = "1372623149";
  static final String POST_ENCRYPT = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lW"
      + "frf0QADHHhGd3"
      + "QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06"
      + "DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9"
      + "nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNl"
      + "Y6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
  static final String POST_BODY = "<xml>\n<ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
      + "<Encrypt><![CDATA[" + POST_ENCRYPT + "]]></Encrypt>\n<AgentID><![CDATA[218]]></AgentID>\n</xml>";

  private WeComSamples() {
  }

  static WeComProperties properties(String corpId) {
    return new WeComProperties(corpId, AGENT_ID, "app-secret", TOKEN, AES_KEY, "http://localhost",
        Duration.ofMinutes(5), 65_536);
  }

  static Clock clockAt(String epochSeconds) {
    return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(epochSeconds)), ZoneOffset.UTC);
  }

  static CallbackCrypto crypto(String corpId, String now) {
    return new CallbackCrypto(properties(corpId), clockAt(now));
  }
}
