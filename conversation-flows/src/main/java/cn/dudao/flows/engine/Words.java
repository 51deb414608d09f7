package cn.dudao.flows.engine;

/** Every Chinese sentence the engine itself says (flow texts come from the YAML). */
final class Words {
  private Words() {}

  static final String HELP = "可用指令：\n"
      + "上一题 / 修改：返回上一题重新回答\n"
      + "进度：查看已答和剩余题数\n"
      + "跳过：跳过允许不答的题\n"
      + "暂停：先停下，之后发送“继续”接着答\n"
      + "继续：接着答题\n"
      + "退出：放弃本次填写\n"
      + "帮助：显示本说明";
  static final String PAUSED = "已暂停，已答内容都已保存。随时发送“继续”接着答题，发送“退出”放弃本次填写。";
  static final String STILL_PAUSED = "当前处于暂停状态。发送“继续”接着答题，发送“退出”放弃本次填写。";
  static final String EXITED = "已退出本次填写，未签字确认的内容不会作为核查结果。需要时可重新开始。";
  static final String FINISHED = "本次核查已经结束，不能再修改。如需重新填写，请重新开始。";
  static final String FIRST = "已经是第一题了，不能再往前。";
  static final String NOT_SKIPPABLE = "本题不能跳过。";
  static final String CHANGE = "请重新回答要修改的题目；发送“上一题”可以继续往前翻。改完后会回到确认。";
  static final String SKIP_LINE = "本题可以回复“跳过”。";
  static final String FORMER = "原答案：";
  static final String NO_PHOTO_HERE = "本题不需要照片。";
  static final String UNSUPPORTED = "暂时无法识别这种消息。";
  static final String DONE = "已签字确认，核查完成。";
}
