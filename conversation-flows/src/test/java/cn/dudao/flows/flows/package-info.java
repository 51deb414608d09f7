/** Tests of the shipped flows: transcripts and the word-for-word comparison with the seed plan. */
package cn.dudao.flows.flows;
