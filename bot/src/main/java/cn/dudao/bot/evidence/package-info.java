/**
 * Photos and locations as evidence: every photo is fetched at once (WeCom keeps a media_id three days),
 * checked, stored by SHA-256 with a thumbnail, and tied to the question it answers; what looks wrong
 * (a reused photo, a capture time or place far from the visit) is flagged, never blocking.
 */
package cn.dudao.bot.evidence;
