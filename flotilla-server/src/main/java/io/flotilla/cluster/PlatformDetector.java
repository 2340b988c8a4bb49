package io.flotilla.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Guesses a cluster's provider or distribution from its version string and a few nodes' provider
 * IDs and labels. Pure.
 */
public final class PlatformDetector {

    public static final String SIMULATED_LABEL = "flotilla.io/simulated";
    public static final String SANDBOX = "Sandbox (simulated)";

    private PlatformDetector() {}

    /** The facts of one node that matter for detection. */
    public record NodeFacts(String providerId, Map<String, String> labels) {}

    public static boolean isSimulated(String gitVersion, List<NodeFacts> nodes) {
        if (gitVersion != null && gitVersion.contains("flotilla-sandbox")) {
            return true;
        }
        return nodes.stream().anyMatch(n -> "true".equals(n.labels().get(SIMULATED_LABEL)));
    }

    public static String detect(String gitVersion, List<NodeFacts> nodes) {
        if (isSimulated(gitVersion, nodes)) {
            return SANDBOX;
        }
        String v = gitVersion == null ? "" : gitVersion.toLowerCase(Locale.ROOT);
        for (NodeFacts node : nodes) {
            Map<String, String> labels = node.labels();
            if (labels.keySet().stream().anyMatch(k -> k.startsWith("node.openshift.io/"))) {
                return "OpenShift";
            }
        }
        if (v.contains("-eks-")) {
            return "EKS";
        }
        if (v.contains("-gke")) {
            return "GKE";
        }
        if (v.contains("+k3s")) {
            return "K3s";
        }
        if (v.contains("+rke2")) {
            return "RKE2";
        }
        if (v.contains("-aliyun")) {
            return "ACK";
        }
        if (v.contains("-tke")) {
            return "TKE";
        }
        for (NodeFacts node : nodes) {
            String id = node.providerId() == null ? "" : node.providerId();
            if (id.startsWith("aws://")) {
                return "EKS";
            }
            if (id.startsWith("gce://")) {
                return "GKE";
            }
            if (id.startsWith("azure://")) {
                return "AKS";
            }
            if (id.startsWith("alicloud://")) {
                return "ACK";
            }
            if (id.startsWith("kind://")) {
                return "kind";
            }
            if (id.startsWith("k3s://")) {
                return "K3s";
            }
            if (node.labels().containsKey("minikube.k8s.io/name")) {
                return "minikube";
            }
        }
        return "Kubernetes";
    }
}
