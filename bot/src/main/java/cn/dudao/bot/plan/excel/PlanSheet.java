package cn.dudao.bot.plan.excel;

import java.util.List;
import java.util.Optional;

/** The four lists a plan is imported from, each with its columns as the template shows them. */
public enum PlanSheet {

  ROSTER("roster", "人员名单", List.of(
      new Column("督导组", true, 12, "须为本方案已有的督导组名称，如“第一组”"),
      new Column("姓名", true, 12, ""),
      new Column("职务", true, 10, "组长、副组长或组员；每组至多一名组长"),
      new Column("单位及职务", false, 28, "如“县水利局干部”"),
      new Column("企业微信账号", false, 22, "企业微信成员账号（userid）；可留空，由“同步企业微信通讯录”按姓名匹配")),
      List.of("第一组", "张三", "组员", "县水利局干部", "zhangsan")),

  VILLAGES("villages", "村庄名单", List.of(
      new Column("督导组", true, 12, "负责该乡镇的督导组，须为本方案已有的督导组"),
      new Column("乡镇", true, 18, "乡镇或风景名胜区名称；新乡镇会自动创建"),
      new Column("乡镇类型", false, 10, "乡镇或景区，留空为乡镇"),
      new Column("行政村", true, 18, "")),
      List.of("第一组", "右卫镇", "乡镇", "马营河村")),

  HOUSEHOLDS("households", "农户名单", List.of(
      new Column("乡镇", true, 16, "须为村庄名单中已有的乡镇"),
      new Column("行政村", true, 16, "须为村庄名单中已有的行政村"),
      new Column("户主姓名", true, 12, ""),
      new Column("身份证号", true, 24, "请设为文本格式。完整号码在导入时即脱敏为前4位和后4位（如 1424**********1234），系统不保存完整号码"),
      new Column("户类型", true, 16, "一般脱贫户、脱贫不稳定户、边缘易致贫户、突发严重困难户或一般农户"),
      new Column("家庭人口", true, 10, "1 至 30 的整数"),
      new Column("监测对象", false, 10, "是或否，留空为否"),
      new Column("预警等级", false, 10, "1 至 5 级，可留空"),
      new Column("风险已消除", false, 12, "是或否，留空为否")),
      List.of("右卫镇", "马营河村", "李四", "1424**********1234", "脱贫不稳定户", "4", "是", "3", "否")),

  CONTACTS("contacts", "责任单位联系人", List.of(
      new Column("责任单位", true, 18, "如“县水利局”；乡镇单位的名称须与村庄名单中的乡镇一致"),
      new Column("单位类型", true, 12, "乡镇、县直部门或牵头单位（牵头单位即县督导办，其联系人可查看全部）"),
      new Column("联系人", true, 12, ""),
      new Column("企业微信账号", false, 22, "企业微信成员账号（userid）；可留空，由通讯录同步按姓名匹配"),
      new Column("手机号", false, 16, "可留空")),
      List.of("县水利局", "县直部门", "王五", "wangwu", "13800000000"));

  /** One column of a template. */
  public record Column(String header, boolean required, int width, String note) {}

  private final String slug;
  private final String title;
  private final List<Column> columns;
  private final List<String> example;

  PlanSheet(String slug, String title, List<Column> columns, List<String> example) {
    this.slug = slug;
    this.title = title;
    this.columns = columns;
    this.example = example;
  }

  public String slug() {
    return slug;
  }

  /** The Chinese title, also the sheet's and the file's name. */
  public String title() {
    return title;
  }

  public List<Column> columns() {
    return columns;
  }

  List<String> example() {
    return example;
  }

  public static Optional<PlanSheet> ofSlug(String slug) {
    for (PlanSheet s : values()) {
      if (s.slug.equals(slug)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
