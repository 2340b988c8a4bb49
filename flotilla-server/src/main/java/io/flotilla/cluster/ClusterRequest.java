package io.flotilla.cluster;

import java.util.Map;

/**
 * Body of {@code POST /api/v1/clusters} (all fields) and {@code PATCH /api/v1/clusters/{name}}
 * (name ignored; absent fields stay unchanged). Credentials come either as a kubeconfig (with an
 * optional context) or as server + token (+ CA).
 *
 * @param kubeconfig kubeconfig YAML; exec/auth-provider plugins and file references are refused
 * @param context context of the kubeconfig to use; default its current-context
 * @param server API server URL, with {@code token}
 * @param token bearer token, with {@code server}
 * @param caData base64 PEM CA bundle, with {@code server}
 * @param insecureSkipTlsVerify skip TLS verification, with {@code server}
 * @param skipVerification store without checking the connection first (status Unknown until probed)
 */
public record ClusterRequest(
        String name,
        String displayName,
        String description,
        Map<String, String> labels,
        String kubeconfig,
        String context,
        String server,
        String token,
        String caData,
        Boolean insecureSkipTlsVerify,
        Boolean skipVerification) {

    boolean hasCredentials() {
        return notBlank(kubeconfig) || notBlank(server) || notBlank(token);
    }

    boolean skip() {
        return Boolean.TRUE.equals(skipVerification);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
