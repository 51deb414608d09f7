/**
 * Question types: one parser per type ({@code single_choice}, {@code integer}, {@code photos}, …)
 * behind the {@link cn.dudao.flows.question.QuestionTypes} registry. Each validates its own YAML
 * fields at load and its input at run time, answering with a Chinese hint when the input does not fit.
 */
package cn.dudao.flows.question;
