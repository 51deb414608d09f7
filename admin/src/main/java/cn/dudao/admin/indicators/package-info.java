/**
 * The indicators as the seed names them (附件2's 26 indicators in four categories, 附件3's twelve
 * self-check items), read from the flow definitions so every page and export uses the seed's words.
 */
package cn.dudao.admin.indicators;
