package cn.dudao.flows.question;

import cn.dudao.flows.engine.Input;
import cn.dudao.flows.expr.Values;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code location}: a location sent from the client, stored as a map with {@code latitude},
 * {@code longitude} (numbers) and {@code label}.
 */
final class LocationType implements QuestionType {

  @Override
  public String name() {
    return "location";
  }

  @Override
  public Reply parse(Asked asked, Input input) {
    if (!(input instanceof Input.Location l)) {
      return new Reply.Rejected("本题需要发送位置。" + howTo(asked));
    }
    if (Double.isNaN(l.latitude()) || Math.abs(l.latitude()) > 90 || Double.isNaN(l.longitude())
        || Math.abs(l.longitude()) > 180) {
      return new Reply.Rejected("位置坐标无效，请重新发送。");
    }
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("latitude", Values.canonical(BigDecimal.valueOf(l.latitude())));
    value.put("longitude", Values.canonical(BigDecimal.valueOf(l.longitude())));
    value.put("label", l.label() == null ? "" : l.label().strip());
    return new Reply.Accepted(value, display(asked, value));
  }

  @Override
  public String howTo(Asked asked) {
    return "请点输入框旁的“+”，选择“位置”发送当前位置。";
  }

  @Override
  public String display(Asked asked, Object value) {
    if (value instanceof Map<?, ?> m) {
      Object label = m.get("label");
      if (label != null && !label.toString().isEmpty()) {
        return label.toString();
      }
      return Values.plain(m.get("latitude")) + ", " + Values.plain(m.get("longitude"));
    }
    return "";
  }

  @Override
  public List<String> optionKeys(Object value) {
    return List.of();
  }
}
