package io.flotilla.cluster;

/**
 * How the platform reaches a member cluster. Held only encrypted at rest and never returned by
 * the API. Exactly one of {@code token} or the client certificate pair is set.
 *
 * @param server API server URL (http or https)
 * @param caData base64 PEM of the CA that signs the API server's certificate, or null for the JDK trust store
 * @param insecureSkipTlsVerify skip TLS verification (kubeconfig {@code insecure-skip-tls-verify})
 * @param token bearer token, or null
 * @param clientCertData base64 PEM client certificate, or null
 * @param clientKeyData base64 PEM client key, or null
 * @param namespace default namespace of the chosen context, or null
 */
public record ClusterCredentials(
        String server,
        String caData,
        boolean insecureSkipTlsVerify,
        String token,
        String clientCertData,
        String clientKeyData,
        String namespace) {

    /** The kind of credential, shown by the API instead of the credential itself. */
    public String type() {
        if (token != null && !token.isEmpty()) {
            return "token";
        }
        if (clientCertData != null) {
            return "clientCertificate";
        }
        return "none";
    }

    @Override
    public String toString() {
        return "ClusterCredentials[server=" + server + ", type=" + type() + "]";
    }
}
