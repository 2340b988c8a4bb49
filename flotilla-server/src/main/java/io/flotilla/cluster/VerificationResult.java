package io.flotilla.cluster;

/**
 * Answer of a connection check that stores nothing ({@code POST /api/v1/cluster-verifications}).
 *
 * @param reachable true when the cluster answered and listed nodes
 * @param reason failure reason (Unreachable, Unauthorized, Forbidden, TLSError, Timeout, Error), null on success
 */
public record VerificationResult(
        boolean reachable,
        String reason,
        String message,
        String kubernetesVersion,
        String platform,
        boolean simulated,
        Cluster.Nodes nodes) {

    static VerificationResult of(ProbeResult result) {
        return switch (result) {
            case ProbeResult.Success s -> new VerificationResult(true, null, "connected", s.kubernetesVersion(),
                    s.platform(), s.simulated(), new Cluster.Nodes(s.nodesReady(), s.nodesTotal()));
            case ProbeResult.Failure f -> new VerificationResult(false, f.reason(), f.message(), null, null, false, null);
        };
    }
}
