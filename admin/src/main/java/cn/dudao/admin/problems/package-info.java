/**
 * The problem list (问题清单): filters, detail with photos and answer history. Today its rows are the
 * findings of confirmed inspections; {@link cn.dudao.admin.problems.ProblemSource} is the one seam to
 * swap for the problems table of issue 6 (status, colour, responsible unit, deadline).
 */
package cn.dudao.admin.problems;
