/** Console security: accounts, login with lockout, the first administrator, roles. */
package cn.dudao.admin.security;
