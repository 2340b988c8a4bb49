package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.StoredObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Server-side printing: {@code meta.k8s.io/v1 Table} responses for kubectl, with the columns the real
 * API server prints for the common kinds (NAME/AGE for the rest). Pure logic.
 */
public final class TableConverter {

  /**
   * A column.
   *
   * @param name     header
   * @param type     string, integer, date
   * @param priority 0 = always, 1 = only with {@code -o wide}
   * @param cell     cell value from (object, now)
   */
  private record Column(String name, String type, int priority, BiFunction<JsonNode, Instant, Object> cell) {
  }

  private TableConverter() {
  }

  /** A Table for a list (or a single object). */
  public static ObjectNode table(ResourceType type, List<StoredObject> items, long revision, String continueToken,
                                 boolean includeFullObject, Instant now) {
    List<Column> columns = columns(type.kind());
    ObjectNode table = Json.object();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    ObjectNode meta = table.putObject("metadata");
    meta.put("resourceVersion", Long.toString(revision));
    if (continueToken != null) {
      meta.put("continue", continueToken);
    }
    ArrayNode defs = table.putArray("columnDefinitions");
    for (Column c : columns) {
      ObjectNode def = defs.addObject();
      def.put("name", c.name());
      def.put("type", c.type());
      def.put("format", c.name().equals("Name") ? "name" : "");
      def.put("description", c.name());
      def.put("priority", c.priority());
    }
    ArrayNode rows = table.putArray("rows");
    for (StoredObject item : items) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      for (Column c : columns) {
        Object value = c.cell().apply(item.object(), now);
        if (value instanceof Number n) {
          cells.add(n.longValue());
        } else {
          cells.add(value == null ? "<none>" : value.toString());
        }
      }
      if (includeFullObject) {
        row.set("object", item.object());
      } else {
        ObjectNode partial = row.putObject("object");
        partial.put("kind", "PartialObjectMetadata");
        partial.put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", Json.metadata(item.object()));
      }
    }
    return table;
  }

  private static Column name() {
    return new Column("Name", "string", 0, (o, now) -> Json.name(o));
  }

  private static Column age() {
    return new Column("Age", "date", 0, (o, now) -> Ages.since(Json.text(o, "metadata.creationTimestamp"), now));
  }

  private static Column text(String header, String path) {
    return new Column(header, "string", 0, (o, now) -> orNone(Json.text(o, path)));
  }

  private static Column number(String header, String path) {
    return new Column(header, "integer", 0, (o, now) -> o.at("/" + path.replace('.', '/')).asLong(0));
  }

  private static Column wide(Column c) {
    return new Column(c.name(), c.type(), 1, c.cell());
  }

  private static String orNone(String value) {
    return value == null || value.isEmpty() ? "<none>" : value;
  }

  private static List<Column> columns(String kind) {
    return switch (kind) {
      case "Pod" -> List.of(name(),
          new Column("Ready", "string", 0, (o, n) -> PodText.ready(o)),
          new Column("Status", "string", 0, (o, n) -> PodText.status(o)),
          new Column("Restarts", "string", 0, (o, n) -> PodText.restarts(o)),
          age(),
          wide(text("IP", "status.podIP")),
          wide(text("Node", "spec.nodeName")),
          wide(text("Nominated Node", "status.nominatedNodeName")),
          wide(new Column("Readiness Gates", "string", 0, (o, n) -> "<none>")));
      case "Deployment" -> List.of(name(),
          new Column("Ready", "string", 0, (o, n) ->
              o.at("/status/readyReplicas").asLong(0) + "/" + o.at("/spec/replicas").asLong(0)),
          number("Up-to-date", "status.updatedReplicas"),
          number("Available", "status.availableReplicas"),
          age(),
          wide(containers("Containers", "name")), wide(containers("Images", "image")),
          wide(selector()));
      case "ReplicaSet" -> List.of(name(), number("Desired", "spec.replicas"), number("Current", "status.replicas"),
          number("Ready", "status.readyReplicas"), age(),
          wide(containers("Containers", "name")), wide(containers("Images", "image")), wide(selector()));
      case "StatefulSet" -> List.of(name(),
          new Column("Ready", "string", 0, (o, n) ->
              o.at("/status/readyReplicas").asLong(0) + "/" + o.at("/spec/replicas").asLong(0)),
          age(), wide(containers("Containers", "name")), wide(containers("Images", "image")));
      case "DaemonSet" -> List.of(name(), number("Desired", "status.desiredNumberScheduled"),
          number("Current", "status.currentNumberScheduled"), number("Ready", "status.numberReady"),
          number("Up-to-date", "status.updatedNumberScheduled"), number("Available", "status.numberAvailable"),
          new Column("Node Selector", "string", 0, (o, n) -> mapText(o.at("/spec/template/spec/nodeSelector"))),
          age(), wide(containers("Containers", "name")), wide(containers("Images", "image")), wide(selector()));
      case "Job" -> List.of(name(),
          new Column("Status", "string", 0, (o, n) -> jobStatus(o)),
          new Column("Completions", "string", 0, (o, n) ->
              o.at("/status/succeeded").asLong(0) + "/" + o.at("/spec/completions").asLong(1)),
          new Column("Duration", "string", 0, (o, n) -> jobDuration(o, n)),
          age(), wide(containers("Containers", "name")), wide(containers("Images", "image")), wide(selector()));
      case "CronJob" -> List.of(name(), text("Schedule", "spec.schedule"), text("Timezone", "spec.timeZone"),
          new Column("Suspend", "boolean", 0, (o, n) -> o.at("/spec/suspend").asBoolean(false) ? "True" : "False"),
          new Column("Active", "integer", 0, (o, n) -> (long) o.at("/status/active").size()),
          new Column("Last Schedule", "date", 0, (o, n) -> {
            String t = Json.text(o, "status.lastScheduleTime");
            return t == null ? "<none>" : Ages.since(t, n);
          }), age());
      case "Service" -> List.of(name(), text("Type", "spec.type"), text("Cluster-IP", "spec.clusterIP"),
          new Column("External-IP", "string", 0, (o, n) -> externalIp(o)),
          new Column("Port(s)", "string", 0, (o, n) -> ports(o)), age(),
          wide(new Column("Selector", "string", 0, (o, n) -> mapText(o.at("/spec/selector")))));
      case "Node" -> List.of(name(),
          new Column("Status", "string", 0, (o, n) -> nodeStatus(o)),
          new Column("Roles", "string", 0, (o, n) -> nodeRoles(o)), age(),
          text("Version", "status.nodeInfo.kubeletVersion"),
          wide(new Column("Internal-IP", "string", 0, (o, n) -> address(o, "InternalIP"))),
          wide(new Column("External-IP", "string", 0, (o, n) -> address(o, "ExternalIP"))),
          wide(text("OS-Image", "status.nodeInfo.osImage")),
          wide(text("Kernel-Version", "status.nodeInfo.kernelVersion")),
          wide(text("Container-Runtime", "status.nodeInfo.containerRuntimeVersion")));
      case "Namespace" -> List.of(name(), text("Status", "status.phase"), age());
      case "ConfigMap" -> List.of(name(), new Column("Data", "integer", 0, (o, n) ->
          (long) (o.path("data").size() + o.path("binaryData").size())), age());
      case "Secret" -> List.of(name(), text("Type", "type"),
          new Column("Data", "integer", 0, (o, n) -> (long) o.path("data").size()), age());
      case "ServiceAccount" -> List.of(name(), new Column("Secrets", "integer", 0, (o, n) ->
          (long) o.path("secrets").size()), age());
      case "Endpoints" -> List.of(name(), new Column("Endpoints", "string", 0, (o, n) -> endpoints(o)), age());
      case "PersistentVolumeClaim" -> List.of(name(), text("Status", "status.phase"), text("Volume",
          "spec.volumeName"), text("Capacity", "status.capacity.storage"),
          new Column("Access Modes", "string", 0, (o, n) -> accessModes(o)),
          text("StorageClass", "spec.storageClassName"), age());
      case "Event" -> List.of(
          new Column("Last Seen", "string", 0, (o, n) -> Ages.since(Json.text(o, "lastTimestamp"), n)),
          text("Type", "type"), text("Reason", "reason"),
          new Column("Object", "string", 0, (o, n) ->
              Json.text(o, "involvedObject.kind").toLowerCase(java.util.Locale.ROOT) + "/"
                  + Json.text(o, "involvedObject.name")),
          text("Message", "message"));
      case "Ingress" -> List.of(name(), text("Class", "spec.ingressClassName"),
          new Column("Hosts", "string", 0, (o, n) -> hosts(o)), new Column("Address", "string", 0, (o, n) -> ""),
          new Column("Ports", "string", 0, (o, n) -> "80"), age());
      case "HorizontalPodAutoscaler" -> List.of(name(), new Column("Reference", "string", 0, (o, n) ->
              Json.text(o, "spec.scaleTargetRef.kind") + "/" + Json.text(o, "spec.scaleTargetRef.name")),
          new Column("Targets", "string", 0, (o, n) -> "<unknown>"), number("MinPods", "spec.minReplicas"),
          number("MaxPods", "spec.maxReplicas"), number("Replicas", "status.currentReplicas"), age());
      case "StorageClass" -> List.of(name(), text("Provisioner", "provisioner"),
          text("ReclaimPolicy", "reclaimPolicy"), text("VolumeBindingMode", "volumeBindingMode"),
          new Column("AllowVolumeExpansion", "string", 0, (o, n) -> o.path("allowVolumeExpansion").asBoolean()
              ? "true" : "false"), age());
      default -> List.of(name(), age());
    };
  }

  private static Column containers(String header, String field) {
    return new Column(header, "string", 0, (o, n) -> {
      JsonNode containers = o.at("/spec/template/spec/containers");
      if (containers.isMissingNode()) {
        containers = o.at("/spec/jobTemplate/spec/template/spec/containers");
      }
      List<String> values = new ArrayList<>();
      containers.forEach(c -> values.add(c.path(field).asText()));
      return String.join(",", values);
    });
  }

  private static Column selector() {
    return new Column("Selector", "string", 0, (o, n) -> {
      String text = io.flotilla.sandbox.store.LabelSelector.fromObject(o.at("/spec/selector")).toString();
      return text.isEmpty() ? "<none>" : text;
    });
  }

  private static String mapText(JsonNode map) {
    if (map == null || !map.isObject() || map.isEmpty()) {
      return "<none>";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> e : Json.stringMap(map).entrySet()) {
      parts.add(e.getKey() + "=" + e.getValue());
    }
    return String.join(",", parts);
  }

  private static String jobStatus(JsonNode o) {
    for (JsonNode c : o.at("/status/conditions")) {
      if ("True".equals(c.path("status").asText())) {
        if ("Complete".equals(c.path("type").asText())) {
          return "Complete";
        }
        if ("Failed".equals(c.path("type").asText())) {
          return "Failed";
        }
      }
    }
    return "Running";
  }

  private static String jobDuration(JsonNode o, Instant now) {
    String start = Json.text(o, "status.startTime");
    if (start == null) {
      return "";
    }
    String end = Json.text(o, "status.completionTime");
    return Ages.human(java.time.Duration.between(Instant.parse(start), end == null ? now : Instant.parse(end)));
  }

  private static String externalIp(JsonNode o) {
    List<String> ips = new ArrayList<>();
    o.at("/status/loadBalancer/ingress").forEach(i -> ips.add(i.path("ip").asText()));
    o.at("/spec/externalIPs").forEach(i -> ips.add(i.asText()));
    if (!ips.isEmpty()) {
      return String.join(",", ips);
    }
    return "LoadBalancer".equals(Json.text(o, "spec.type")) ? "<pending>" : "<none>";
  }

  private static String ports(JsonNode o) {
    List<String> result = new ArrayList<>();
    for (JsonNode p : o.at("/spec/ports")) {
      String text = p.path("port").asText();
      if (p.has("nodePort")) {
        text += ":" + p.path("nodePort").asText();
      }
      result.add(text + "/" + p.path("protocol").asText("TCP"));
    }
    return result.isEmpty() ? "<none>" : String.join(",", result);
  }

  private static String nodeStatus(JsonNode o) {
    String status = "Unknown";
    for (JsonNode c : o.at("/status/conditions")) {
      if ("Ready".equals(c.path("type").asText())) {
        status = "True".equals(c.path("status").asText()) ? "Ready" : "NotReady";
      }
    }
    if (o.at("/spec/unschedulable").asBoolean(false)) {
      status += ",SchedulingDisabled";
    }
    return status;
  }

  private static String nodeRoles(JsonNode o) {
    List<String> roles = new ArrayList<>();
    for (String label : Json.labels(o).keySet()) {
      if (label.startsWith("node-role.kubernetes.io/")) {
        roles.add(label.substring("node-role.kubernetes.io/".length()));
      }
    }
    return roles.isEmpty() ? "<none>" : String.join(",", roles);
  }

  private static String address(JsonNode o, String type) {
    for (JsonNode a : o.at("/status/addresses")) {
      if (type.equals(a.path("type").asText())) {
        return a.path("address").asText();
      }
    }
    return "<none>";
  }

  private static String endpoints(JsonNode o) {
    List<String> result = new ArrayList<>();
    for (JsonNode subset : o.path("subsets")) {
      for (JsonNode address : subset.path("addresses")) {
        for (JsonNode port : subset.path("ports")) {
          result.add(address.path("ip").asText() + ":" + port.path("port").asText());
        }
      }
    }
    if (result.isEmpty()) {
      return "<none>";
    }
    return result.size() > 3 ? String.join(",", result.subList(0, 3)) + " + " + (result.size() - 3) + " more..."
        : String.join(",", result);
  }

  private static String accessModes(JsonNode o) {
    List<String> modes = new ArrayList<>();
    o.at("/spec/accessModes").forEach(m -> modes.add(switch (m.asText()) {
      case "ReadWriteOnce" -> "RWO";
      case "ReadOnlyMany" -> "ROX";
      case "ReadWriteMany" -> "RWX";
      default -> "RWOP";
    }));
    return String.join(",", modes);
  }

  private static String hosts(JsonNode o) {
    List<String> hosts = new ArrayList<>();
    o.at("/spec/rules").forEach(r -> hosts.add(r.path("host").asText("*")));
    return hosts.isEmpty() ? "*" : String.join(",", hosts);
  }
}
