/**
 * The plan's lists as Excel workbooks: templates with Chinese headers, imports that apply fully or not
 * at all (every row checked first; a bad file gets its problems by row, column and reason), and exports
 * in the template's own layout, so an export imports back unchanged.
 */
package cn.dudao.bot.plan.excel;
