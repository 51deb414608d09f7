/**
 * 督导报告: the five parts the seed names (section 二(三)), prefilled from the data, edited in the console
 * by the county office and exported as a Word document with the figures as tables.
 */
package cn.dudao.admin.report;
