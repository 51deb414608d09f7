/** Evidence photos and thumbnails served to console pages and exports, by evidence id only. */
package cn.dudao.admin.evidence;
