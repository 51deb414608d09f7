/** The audit trail in the console: what console users did (logins, logouts, exports, report edits) and the audit page. */
package cn.dudao.admin.audit;
