package cn.dudao.bot.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who receives and answers a responsible unit's rectification notices in WeCom. */
@Entity
@Table(name = "unit_contacts")
public class UnitContact {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long unitId;
  private String name;
  @Column(name = "wecom_user_id")
  private String wecomUserId;
  private String phone;
  private int sortOrder;

  protected UnitContact() {
  }

  public UnitContact(Long unitId, String name, String wecomUserId, String phone, int sortOrder) {
    this.unitId = unitId;
    this.name = name;
    this.wecomUserId = wecomUserId;
    this.phone = phone;
    this.sortOrder = sortOrder;
  }

  public void update(String name, String phone, int sortOrder) {
    this.name = name;
    this.phone = phone;
    this.sortOrder = sortOrder;
  }

  public void linkWecom(String wecomUserId) {
    this.wecomUserId = wecomUserId;
  }

  public Long getId() { return id; }
  public Long getUnitId() { return unitId; }
  public String getName() { return name; }
  public String getWecomUserId() { return wecomUserId; }
  public String getPhone() { return phone; }
  public int getSortOrder() { return sortOrder; }

  @Override
  public String toString() {
    return "UnitContact[id=" + id + ", unitId=" + unitId + ", wecomUserId=" + wecomUserId + "]";
  }
}
