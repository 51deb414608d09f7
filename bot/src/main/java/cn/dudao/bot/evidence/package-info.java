/**
 * Photos and locations as evidence: every photo is fetched at once (WeCom keeps a media_id three days),
 * checked, stored by SHA-256 with a thumbnail (on the filesystem or in an S3-compatible bucket), and
 * tied to the question it answers or the rectification report it came with; what looks wrong (a
 * reused photo, a capture time or place far from the visit) is flagged, never blocking. Who may see a
 * photo follows from what it serves ({@link cn.dudao.bot.evidence.EvidenceAccess}).
 */
package cn.dudao.bot.evidence;
