/**
 * WeCom contact sync: roster people and unit contacts matched by name to the corp directory's user
 * ids; whoever cannot be matched (no such name, or several) is listed for the county office.
 */
package cn.dudao.bot.plan.contacts;
