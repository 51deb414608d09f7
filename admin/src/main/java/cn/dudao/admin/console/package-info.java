/** Console plumbing shared by the pages: the current plan, choice lists, times; and the chat simulator page. */
package cn.dudao.admin.console;
