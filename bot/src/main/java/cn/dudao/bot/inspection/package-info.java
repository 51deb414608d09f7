/** Inspections and their answers: what each inspector found, signed by him once confirmed. */
package cn.dudao.bot.inspection;
