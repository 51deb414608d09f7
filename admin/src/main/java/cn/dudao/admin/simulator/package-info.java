/** The browser chat simulator's API, behind the console login. */
package cn.dudao.admin.simulator;
