package io.flotilla.sandbox.seed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.Preparation;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.api.ResourceType;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.ObjectStore;
import java.util.Base64;
import java.util.Set;

/** Builds the seeded workload objects (and their Services and configuration). */
final class Workloads {

  private Workloads() {
  }

  static void write(ObjectStore store, SeedPlan.Workload w) {
    switch (w.kind()) {
      case DEPLOYMENT -> {
        ObjectNode d = workload(w);
        Json.with(d, "spec").put("replicas", w.replicas());
        create(store, ResourceCatalog.DEPLOYMENTS, d);
        service(store, w, false);
      }
      case STATEFULSET -> {
        ObjectNode s = workload(w);
        ObjectNode spec = Json.with(s, "spec");
        spec.put("replicas", w.replicas());
        spec.put("serviceName", w.name());
        ObjectNode claim = spec.putArray("volumeClaimTemplates").addObject();
        claim.putObject("metadata").put("name", "data");
        ObjectNode claimSpec = claim.putObject("spec");
        claimSpec.putArray("accessModes").add("ReadWriteOnce");
        claimSpec.putObject("resources").putObject("requests").put("storage", "10Gi");
        create(store, ResourceCatalog.STATEFUL_SETS, s);
        service(store, w, true);
      }
      case DAEMONSET -> {
        ObjectNode ds = workload(w);
        ObjectNode podSpec = (ObjectNode) ds.at("/spec/template/spec");
        podSpec.putArray("tolerations").addObject().put("operator", "Exists");
        podSpec.put("hostNetwork", true);
        create(store, ResourceCatalog.DAEMON_SETS, ds);
        service(store, w, true);
      }
      case CRONJOB -> {
        ObjectNode cj = Json.object();
        cj.putObject("metadata").put("name", w.name()).put("namespace", w.namespace()).putObject("labels")
            .put("app.kubernetes.io/name", w.name());
        ObjectNode spec = cj.putObject("spec");
        spec.put("schedule", "*/5 * * * *");
        ObjectNode template = spec.putObject("jobTemplate").putObject("spec").putObject("template");
        template.putObject("metadata").putObject("labels").put("app.kubernetes.io/name", w.name());
        ObjectNode podSpec = template.putObject("spec");
        podSpec.put("restartPolicy", "OnFailure");
        ObjectNode container = podSpec.putArray("containers").addObject();
        container.put("name", w.name());
        container.put("image", w.image());
        container.putArray("command").add("sh").add("-c").add("echo settling payments && sleep 2");
        create(store, ResourceCatalog.CRON_JOBS, cj);
      }
    }
  }

  private static ObjectNode workload(SeedPlan.Workload w) {
    ObjectNode object = Json.object();
    ObjectNode meta = object.putObject("metadata");
    meta.put("name", w.name());
    meta.put("namespace", w.namespace());
    ObjectNode labels = meta.putObject("labels");
    labels.put("app.kubernetes.io/name", w.name());
    labels.put("app.kubernetes.io/part-of", w.namespace());
    ObjectNode spec = object.putObject("spec");
    spec.putObject("selector").putObject("matchLabels").put("app.kubernetes.io/name", w.name());
    ObjectNode template = spec.putObject("template");
    ObjectNode templateLabels = template.putObject("metadata").putObject("labels");
    templateLabels.put("app.kubernetes.io/name", w.name());
    templateLabels.put("app.kubernetes.io/part-of", w.namespace());
    ObjectNode podSpec = template.putObject("spec");
    ObjectNode container = podSpec.putArray("containers").addObject();
    container.put("name", w.name().length() > 40 ? "main" : w.name());
    container.put("image", w.image());
    if (w.port() > 0) {
      container.putArray("ports").addObject().put("name", "http").put("containerPort", w.port())
          .put("protocol", "TCP");
    }
    ObjectNode resources = container.putObject("resources");
    resources.putObject("requests").put("cpu", "50m").put("memory", "64Mi");
    resources.putObject("limits").put("memory", "256Mi");
    return object;
  }

  private static void service(ObjectStore store, SeedPlan.Workload w, boolean headless) {
    if (w.port() <= 0) {
      return;
    }
    ObjectNode service = Json.object();
    service.putObject("metadata").put("name", w.name()).put("namespace", w.namespace()).putObject("labels")
        .put("app.kubernetes.io/name", w.name());
    ObjectNode spec = service.putObject("spec");
    if (headless) {
      spec.put("clusterIP", "None");
    }
    spec.putObject("selector").put("app.kubernetes.io/name", w.name());
    spec.putArray("ports").addObject().put("name", "http").put("port", w.port() == 8443 ? 443 : w.port())
        .put("targetPort", "http").put("protocol", "TCP");
    create(store, ResourceCatalog.SERVICES, service);
  }

  static void demoConfig(ObjectStore store, Set<String> namespaces) {
    if (namespaces.contains("shop")) {
      configMap(store, "shop", "frontend-config", "nginx.conf", "server { listen 80; location / { root /srv; } }\n");
    }
    if (namespaces.contains("payments")) {
      configMap(store, "payments", "payments-config", "application.yaml", "currency: EUR\nsettlement: hourly\n");
      ObjectNode secret = Json.object();
      secret.putObject("metadata").put("name", "payments-db").put("namespace", "payments");
      secret.put("type", "Opaque");
      secret.putObject("data")
          .put("username", Base64.getEncoder().encodeToString("payments".getBytes()))
          .put("password", Base64.getEncoder().encodeToString("sandbox-not-a-secret".getBytes()));
      create(store, ResourceCatalog.SECRETS, secret);
    }
    if (namespaces.contains("monitoring")) {
      configMap(store, "monitoring", "prometheus-config", "prometheus.yml",
          "global:\n  scrape_interval: 30s\nscrape_configs:\n- job_name: node\n");
    }
  }

  private static void configMap(ObjectStore store, String ns, String name, String key, String value) {
    ObjectNode cm = Json.object();
    cm.putObject("metadata").put("name", name).put("namespace", ns);
    cm.putObject("data").put(key, value);
    create(store, ResourceCatalog.CONFIGMAPS, cm);
  }

  private static void create(ObjectStore store, ResourceType type, ObjectNode object) {
    Preparation.prepare(store, type, object);
    store.create(type, object, false);
  }
}
