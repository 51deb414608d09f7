/**
 * The console's plan pages under {@code /plan}: plans (new, active or not), their roster, villages,
 * households and responsible units, Excel templates, imports with their problem lists, exports, the
 * WeCom contact sync and household sampling. Every action is authorized by the bot's {@code Access}.
 */
package cn.dudao.admin.plan;
