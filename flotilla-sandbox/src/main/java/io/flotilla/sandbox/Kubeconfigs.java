package io.flotilla.sandbox;

/** Kubeconfig YAML for a sandbox cluster (token auth, plain HTTP). Pure logic. */
final class Kubeconfigs {

  private Kubeconfigs() {
  }

  static String render(String name, String serverUrl, String token) {
    return render(name, serverUrl, token, null);
  }

  /** @param caPem CA certificate for HTTPS servers (null for plain HTTP) */
  static String render(String name, String serverUrl, String token, String caPem) {
    String ca = caPem == null ? "" : "\n    certificate-authority-data: " + java.util.Base64.getEncoder()
        .encodeToString(caPem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s%4$s
        users:
        - name: %1$s
          user:
            token: %3$s
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %1$s
            namespace: default
        current-context: %1$s
        preferences: {}
        """.formatted(name, serverUrl, token, ca);
  }
}
