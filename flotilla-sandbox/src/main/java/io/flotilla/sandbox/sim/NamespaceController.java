package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.StoreException;

/** Every namespace gets the {@code default} ServiceAccount and the {@code kube-root-ca.crt} ConfigMap. */
final class NamespaceController {

  private static final String CA = """
      -----BEGIN CERTIFICATE-----
      MIIBdzCCAR2gAwIBAgIBADAKBggqhkjOPQQDAjAjMSEwHwYDVQQDDBhmbG90aWxs
      YS1zYW5kYm94LWNhLXNpbXVsYXRlZDAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEw
      MDAwMDBaMCMxITAfBgNVBAMMGGZsb3RpbGxhLXNhbmRib3gtY2Etc2ltdWxhdGVk
      -----END CERTIFICATE-----
      """;

  private final SimContext ctx;

  NamespaceController(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(String name) {
    if (ctx.store().get(ResourceCatalog.NAMESPACES, null, name).isEmpty()) {
      return;
    }
    if (ctx.store().get(ResourceCatalog.SERVICE_ACCOUNTS, name, "default").isEmpty()) {
      ObjectNode sa = Json.object();
      sa.putObject("metadata").put("name", "default").put("namespace", name);
      create(ResourceCatalog.SERVICE_ACCOUNTS, sa);
    }
    if (ctx.store().get(ResourceCatalog.CONFIGMAPS, name, "kube-root-ca.crt").isEmpty()) {
      ObjectNode cm = Json.object();
      cm.putObject("metadata").put("name", "kube-root-ca.crt").put("namespace", name)
          .putObject("annotations").put("kubernetes.io/description", "Contains a CA bundle that can be used to"
              + " verify the kube-apiserver when using internal endpoints such as the internal service IP or"
              + " kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes"
              + " clusters.");
      cm.putObject("data").put("ca.crt", CA);
      create(ResourceCatalog.CONFIGMAPS, cm);
    }
  }

  private void create(io.flotilla.sandbox.api.ResourceType type, ObjectNode object) {
    try {
      ctx.store().create(type, object, false);
    } catch (StoreException e) {
      // created concurrently by a client: fine
    }
  }
}
