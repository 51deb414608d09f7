/** The console pages: front page and the chat simulator page. */
package cn.dudao.admin.console;
