package cn.dudao.bot.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A supervision team (督导组) of a plan. */
@Entity
@Table(name = "teams")
public class Team {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long planId;
  @Column(name = "team_no")
  private int number;
  private String name;

  protected Team() {
  }

  public Team(Long planId, int number, String name) {
    this.planId = planId;
    this.number = number;
    this.name = name;
  }

  public Long getId() { return id; }
  public Long getPlanId() { return planId; }
  public int getNumber() { return number; }
  public String getName() { return name; }
}
