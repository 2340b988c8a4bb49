package io.flotilla.cluster;

/** What one connection check of a cluster found. */
public sealed interface ProbeResult {

    /**
     * The API server answered and listed nodes.
     *
     * @param kubernetesVersion gitVersion from /version
     * @param platform detected provider or distribution (e.g. "EKS", "OpenShift", "Sandbox (simulated)")
     * @param simulated true for a Flotilla sandbox cluster
     */
    record Success(String kubernetesVersion, String platform, boolean simulated, int nodesReady, int nodesTotal)
            implements ProbeResult {}

    /**
     * The cluster could not be used.
     *
     * @param reason a CamelCase reason: Unreachable, Unauthorized, Forbidden, TLSError, Timeout, Error
     * @param message what went wrong, for people; never contains credentials
     */
    record Failure(String reason, String message) implements ProbeResult {}
}
