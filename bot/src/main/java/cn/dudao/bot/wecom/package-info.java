/** The WeCom channel: the callback endpoint, WxJava's API client with a shared token, and the sender. */
package cn.dudao.bot.wecom;
