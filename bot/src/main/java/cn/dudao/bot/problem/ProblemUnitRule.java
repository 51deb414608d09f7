package cn.dudao.bot.problem;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The plan's responsible unit for problems of one indicator. */
@Entity
@Table(name = "problem_unit_rules")
class ProblemUnitRule {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long planId;
  private String indicator;
  private Long unitId;

  protected ProblemUnitRule() {
  }

  ProblemUnitRule(Long planId, String indicator, Long unitId) {
    this.planId = planId;
    this.indicator = indicator;
    this.unitId = unitId;
  }

  void point(Long unitId) {
    this.unitId = unitId;
  }

  Long getUnitId() { return unitId; }
}
