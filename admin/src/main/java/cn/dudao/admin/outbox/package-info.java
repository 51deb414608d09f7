/** The console's view of the outbox: messages waiting to be sent and dead letters, with a resend action. */
package cn.dudao.admin.outbox;
