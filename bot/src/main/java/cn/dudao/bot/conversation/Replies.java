package cn.dudao.bot.conversation;

/** Every fixed sentence the bot says outside a flow, in one place. */
final class Replies {

  static final String NOT_ON_ROSTER =
      "您好！您不在本轮督导工作人员名单中，暂时无法使用督导助手。如有疑问，请联系县乡村振兴局。";
  static final java.time.format.DateTimeFormatter SIGNED_AT = java.time.format.DateTimeFormatter
      .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));
  static final String WELCOME = "您好，%s（%s）！我是督导助手。";
  static final String TASKS_HINT = "回复“我的任务”查看分配给您的村和入户走访农户。";
  static final String CONTACT_HINT =
      "您好，%s！您是责任单位联系人，交办给本单位的问题和整改通知将通过督导助手发送给您。";
  static final String COMMANDS = "核查中随时可回复：帮助、进度、上一题、跳过、暂停、继续、退出。";
  static final String NO_VILLAGES =
      "您所在督导组还没有分配村庄，暂时无法开始核查。请联系县乡村振兴局导入村庄名单。";
  /** Follows the flow's own farewell in the same message: who signed what, and when. */
  static final String CONFIRMED = "签字确认：%s，签字人 %s，时间 %s。回复“开始”或其他核查名称可继续下一项。";
  static final String STALE_CARD = "这张卡片的题目已经回答过了，请回答最新的问题。";
  static final String UNSUPPORTED = "暂不支持这种消息，请按提示回复文字或点击按钮。";
  static final String PROCESSING_FAILED =
      "抱歉，系统处理您的消息时出错，已记录并通知管理员。请稍后重发，或回复“进度”查看当前题目。";
  static final String PHOTO_KEPT = "照片已保存为本次核查的附件。";
  static final String LOCATION_KEPT = "位置已保存为本次核查的附件。";
  static final String PHOTO_KEPT_NO_INSPECTION = "照片已保存。当前没有进行中的核查，回复“开始”进行村级核查。";
  static final String LOCATION_KEPT_NO_INSPECTION = "位置已保存。当前没有进行中的核查，回复“开始”进行村级核查。";
  static final String QUESTION_STILL_OPEN = "当前题目仍未完成。";

  /** The pressed button's new name; WeCom shows it greyed out. Kept short for a button. */
  static String chosen(String display) {
    String text = "已选择：" + display;
    return text.length() <= 16 ? text : text.substring(0, 15) + "…";
  }

  private Replies() {
  }
}
