/** The dashboard: progress by team, area and village, findings by category, charts. */
package cn.dudao.admin.dashboard;
