package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.store.Json;

/**
 * ClusterIP and NodePort assignment. Addresses derive from the service's namespace/name (stable across
 * restarts, collisions are tolerated in a simulation). Pure logic.
 */
public final class ServiceIps {

  private ServiceIps() {
  }

  public static void assign(ObjectNode service) {
    ObjectNode spec = Json.with(service, "spec");
    String type = spec.path("type").asText("ClusterIP");
    int hash = (Json.namespace(service) + "/" + Json.name(service)).hashCode() & 0x7fffffff;
    if (!type.equals("ExternalName") && !spec.hasNonNull("clusterIP")) {
      String ip = "10.96." + (hash / 254 % 256) + "." + (hash % 254 + 1);
      if ("kubernetes".equals(Json.name(service)) && "default".equals(Json.namespace(service))) {
        ip = "10.96.0.1";
      }
      spec.put("clusterIP", ip);
    }
    if (spec.hasNonNull("clusterIP") && !spec.has("clusterIPs")) {
      spec.putArray("clusterIPs").add(spec.get("clusterIP").asText());
    }
    if (type.equals("NodePort") || type.equals("LoadBalancer")) {
      int i = 0;
      for (JsonNode port : spec.path("ports")) {
        if (port instanceof ObjectNode p && !p.has("nodePort")) {
          p.put("nodePort", 30000 + (hash + i * 7919) % 2767);
        }
        i++;
      }
    }
  }
}
