/**
 * The seed's tables as files: 问题清单.xlsx (streamed, with thumbnails and links back to the console),
 * 督导指标表.xlsx per area in the layout of 附件2 and 自查表.xlsx per village in the layout of 附件3.
 */
package cn.dudao.admin.exports;
