package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.store.Json;

/**
 * The defaulting the API server applies on create and update for the built-in types we simulate
 * (a subset of {@code pkg/apis/.../v1/defaults.go}). Pure logic; mutates the given tree.
 */
public final class Defaults {

  private Defaults() {
  }

  public static void apply(ResourceType type, ObjectNode object) {
    stripNulls(object);
    ObjectNode spec = object.get("spec") instanceof ObjectNode s ? s : null;
    switch (type.kind()) {
      case "Pod" -> {
        if (spec != null) {
          podSpec(spec, "Always");
          putIfAbsent(spec, "serviceAccountName", "default");
          putIfAbsent(spec, "serviceAccount", spec.path("serviceAccountName").asText());
          if (!spec.has("priority")) {
            spec.put("priority", 0);
          }
          if (!spec.has("enableServiceLinks")) {
            spec.put("enableServiceLinks", true);
          }
        }
      }
      case "Deployment" -> {
        if (spec != null) {
          replicas(spec);
          if (!spec.has("revisionHistoryLimit")) {
            spec.put("revisionHistoryLimit", 10);
          }
          if (!spec.has("progressDeadlineSeconds")) {
            spec.put("progressDeadlineSeconds", 600);
          }
          ObjectNode strategy = Json.with(spec, "strategy");
          putIfAbsent(strategy, "type", "RollingUpdate");
          if ("RollingUpdate".equals(strategy.path("type").asText())) {
            ObjectNode rolling = Json.with(strategy, "rollingUpdate");
            putIfAbsent(rolling, "maxUnavailable", "25%");
            putIfAbsent(rolling, "maxSurge", "25%");
          }
          template(spec, "Always");
        }
      }
      case "ReplicaSet", "ReplicationController" -> {
        if (spec != null) {
          replicas(spec);
          template(spec, "Always");
        }
      }
      case "StatefulSet" -> {
        if (spec != null) {
          replicas(spec);
          putIfAbsent(spec, "podManagementPolicy", "OrderedReady");
          if (!spec.has("revisionHistoryLimit")) {
            spec.put("revisionHistoryLimit", 10);
          }
          ObjectNode strategy = Json.with(spec, "updateStrategy");
          putIfAbsent(strategy, "type", "RollingUpdate");
          if ("RollingUpdate".equals(strategy.path("type").asText()) && !strategy.has("rollingUpdate")) {
            strategy.putObject("rollingUpdate").put("partition", 0);
          }
          template(spec, "Always");
        }
      }
      case "DaemonSet" -> {
        if (spec != null) {
          if (!spec.has("revisionHistoryLimit")) {
            spec.put("revisionHistoryLimit", 10);
          }
          ObjectNode strategy = Json.with(spec, "updateStrategy");
          putIfAbsent(strategy, "type", "RollingUpdate");
          if ("RollingUpdate".equals(strategy.path("type").asText()) && !strategy.has("rollingUpdate")) {
            strategy.putObject("rollingUpdate").put("maxUnavailable", 1).put("maxSurge", 0);
          }
          template(spec, "Always");
        }
      }
      case "Job" -> {
        if (spec != null) {
          job(spec);
        }
      }
      case "CronJob" -> {
        if (spec != null) {
          putIfAbsent(spec, "concurrencyPolicy", "Allow");
          if (!spec.has("suspend")) {
            spec.put("suspend", false);
          }
          if (!spec.has("successfulJobsHistoryLimit")) {
            spec.put("successfulJobsHistoryLimit", 3);
          }
          if (!spec.has("failedJobsHistoryLimit")) {
            spec.put("failedJobsHistoryLimit", 1);
          }
          if (spec.get("jobTemplate") instanceof ObjectNode jobTemplate
              && jobTemplate.get("spec") instanceof ObjectNode jobSpec) {
            job(jobSpec);
          }
        }
      }
      case "Service" -> {
        if (spec != null) {
          putIfAbsent(spec, "type", "ClusterIP");
          putIfAbsent(spec, "sessionAffinity", "None");
          putIfAbsent(spec, "internalTrafficPolicy", "Cluster");
          if (!spec.has("ipFamilies")) {
            spec.putArray("ipFamilies").add("IPv4");
          }
          putIfAbsent(spec, "ipFamilyPolicy", "SingleStack");
          for (JsonNode port : spec.path("ports")) {
            if (port instanceof ObjectNode p) {
              putIfAbsent(p, "protocol", "TCP");
              if (!p.has("targetPort") && p.has("port")) {
                p.set("targetPort", p.get("port"));
              }
            }
          }
        }
      }
      case "Secret" -> {
        if (!object.hasNonNull("type")) {
          object.put("type", "Opaque");
        }
      }
      case "Namespace" -> {
        ObjectNode labels = Json.with(Json.with(object, "metadata"), "labels");
        labels.put("kubernetes.io/metadata.name", Json.name(object));
        Json.with(object, "status").put("phase", "Active");
        if (!object.has("spec")) {
          object.putObject("spec").putArray("finalizers").add("kubernetes");
        }
      }
      default -> {
        // no defaulting for other kinds
      }
    }
  }

  /** Drops null fields (the API server decodes JSON into structs, where null means absent). */
  static void stripNulls(ObjectNode node) {
    var it = node.properties().iterator();
    while (it.hasNext()) {
      var e = it.next();
      JsonNode value = e.getValue();
      if (value.isNull()) {
        it.remove();
      } else if (value instanceof ObjectNode child) {
        stripNulls(child);
      } else if (value.isArray()) {
        for (JsonNode item : value) {
          if (item instanceof ObjectNode o) {
            stripNulls(o);
          }
        }
      }
    }
  }

  private static void job(ObjectNode spec) {
    if (!spec.has("parallelism")) {
      spec.put("parallelism", 1);
    }
    if (!spec.has("completions")) {
      spec.put("completions", 1);
    }
    if (!spec.has("backoffLimit")) {
      spec.put("backoffLimit", 6);
    }
    putIfAbsent(spec, "completionMode", "NonIndexed");
    if (!spec.has("suspend")) {
      spec.put("suspend", false);
    }
    template(spec, "Never");
  }

  private static void replicas(ObjectNode spec) {
    if (!spec.has("replicas") || spec.get("replicas").isNull()) {
      spec.put("replicas", 1);
    }
  }

  private static void template(ObjectNode spec, String restartPolicy) {
    if (spec.get("template") instanceof ObjectNode template && template.get("spec") instanceof ObjectNode podSpec) {
      podSpec(podSpec, restartPolicy);
    }
  }

  private static void podSpec(ObjectNode spec, String restartPolicy) {
    putIfAbsent(spec, "restartPolicy", restartPolicy);
    putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
    putIfAbsent(spec, "schedulerName", "default-scheduler");
    if (!spec.has("terminationGracePeriodSeconds")) {
      spec.put("terminationGracePeriodSeconds", 30);
    }
    if (!spec.has("securityContext")) {
      spec.putObject("securityContext");
    }
    container(spec.path("initContainers"));
    container(spec.path("containers"));
  }

  private static void container(JsonNode containers) {
    for (JsonNode c : containers) {
      if (c instanceof ObjectNode container) {
        String image = container.path("image").asText("");
        boolean latest = !image.contains(":") || image.endsWith(":latest") || image.lastIndexOf(':')
            < image.lastIndexOf('/');
        putIfAbsent(container, "imagePullPolicy", latest && !image.contains("@") ? "Always" : "IfNotPresent");
        putIfAbsent(container, "terminationMessagePath", "/dev/termination-log");
        putIfAbsent(container, "terminationMessagePolicy", "File");
        if (!container.has("resources")) {
          container.putObject("resources");
        }
        for (JsonNode port : container.path("ports")) {
          if (port instanceof ObjectNode p) {
            putIfAbsent(p, "protocol", "TCP");
          }
        }
      }
    }
  }

  private static void putIfAbsent(ObjectNode node, String field, String value) {
    if (!node.hasNonNull(field)) {
      node.put(field, value);
    }
  }
}
