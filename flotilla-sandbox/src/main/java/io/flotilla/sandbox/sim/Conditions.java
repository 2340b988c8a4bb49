package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Status conditions that keep their timestamps while nothing changes (so status writes stay idempotent). */
final class Conditions {

  private Conditions() {
  }

  /**
   * A condition; lastTransitionTime/lastUpdateTime are taken from {@code previous} when type, status,
   * reason and message are unchanged.
   */
  static ObjectNode condition(JsonNode previousConditions, String type, String status, String reason, String message,
                              String now, boolean withUpdateTime) {
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.put("type", type);
    c.put("status", status);
    String transition = now;
    String update = now;
    for (JsonNode p : previousConditions) {
      if (type.equals(p.path("type").asText())) {
        if (status.equals(p.path("status").asText())) {
          transition = p.path("lastTransitionTime").asText(now);
          if (reason.equals(p.path("reason").asText()) && message.equals(p.path("message").asText())) {
            update = p.path("lastUpdateTime").asText(now);
          }
        }
      }
    }
    if (withUpdateTime) {
      c.put("lastUpdateTime", update);
    }
    c.put("lastTransitionTime", transition);
    c.put("reason", reason);
    c.put("message", message);
    return c;
  }

  static ArrayNode array(ObjectNode... conditions) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (ObjectNode c : conditions) {
      array.add(c);
    }
    return array;
  }
}
