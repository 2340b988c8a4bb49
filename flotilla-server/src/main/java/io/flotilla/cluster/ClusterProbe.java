package io.flotilla.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;

/** Checks that a cluster answers: GET /version, then the nodes (paged) to count ready/total. */
public final class ClusterProbe {

    private static final int DETECTION_SAMPLE = 5;

    private ClusterProbe() {}

    public static ProbeResult probe(KubernetesClient client) {
        try {
            VersionInfo version = client.getKubernetesVersion();
            int ready = 0;
            int total = 0;
            List<PlatformDetector.NodeFacts> sample = new ArrayList<>();
            String next = null;
            do {
                NodeList page = client.nodes().list(new ListOptionsBuilder().withLimit(500L).withContinue(next).build());
                for (Node node : page.getItems()) {
                    total++;
                    if (isReady(node)) {
                        ready++;
                    }
                    if (sample.size() < DETECTION_SAMPLE) {
                        Map<String, String> labels = node.getMetadata().getLabels() == null
                                ? Map.of() : node.getMetadata().getLabels();
                        sample.add(new PlatformDetector.NodeFacts(
                                node.getSpec() == null ? null : node.getSpec().getProviderID(), labels));
                    }
                }
                next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
            } while (next != null && !next.isEmpty());
            String git = version.getGitVersion();
            return new ProbeResult.Success(git, PlatformDetector.detect(git, sample),
                    PlatformDetector.isSimulated(git, sample), ready, total);
        } catch (KubernetesClientException e) {
            return classify(e);
        } catch (RuntimeException e) {
            return new ProbeResult.Failure("Error", describe(e));
        }
    }

    static boolean isReady(Node node) {
        return node.getStatus() != null && node.getStatus().getConditions() != null
                && node.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static ProbeResult.Failure classify(KubernetesClientException e) {
        int code = e.getCode();
        if (code == 401) {
            return new ProbeResult.Failure("Unauthorized",
                    "the API server rejected the credentials (401 Unauthorized); check the token or certificate");
        }
        if (code == 403) {
            return new ProbeResult.Failure("Forbidden",
                    "the credentials may not read the cluster (403 Forbidden): " + statusMessage(e));
        }
        if (code > 0) {
            return new ProbeResult.Failure("Error", "the API server answered " + code + ": " + statusMessage(e));
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof HttpConnectTimeoutException || c instanceof HttpTimeoutException
                    || c instanceof InterruptedIOException) {
                return new ProbeResult.Failure("Timeout", "the API server did not answer in time: " + describe(c));
            }
            if (c instanceof ClosedChannelException) {
                return new ProbeResult.Failure("Unreachable",
                        "cannot connect to the API server: the connection was refused or closed");
            }
            if (c instanceof ConnectException || c instanceof NoRouteToHostException
                    || c instanceof UnknownHostException) {
                return new ProbeResult.Failure("Unreachable", "cannot connect to the API server: " + describe(c));
            }
            if (c instanceof SSLException) {
                return new ProbeResult.Failure("TLSError", "TLS handshake failed (check the CA data): " + describe(c));
            }
        }
        return new ProbeResult.Failure("Unreachable", "cannot reach the API server: " + describe(e));
    }

    private static String statusMessage(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getStatus().getMessage();
        }
        return describe(e);
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        String text = root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
