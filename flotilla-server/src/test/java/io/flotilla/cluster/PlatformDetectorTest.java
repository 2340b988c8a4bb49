package io.flotilla.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformDetectorTest {

    private static PlatformDetector.NodeFacts node(String providerId, Map<String, String> labels) {
        return new PlatformDetector.NodeFacts(providerId, labels);
    }

    @Test
    void detectsProvidersFromVersionAndNodes() {
        assertThat(PlatformDetector.detect("v1.30.4-eks-a737599", List.of())).isEqualTo("EKS");
        assertThat(PlatformDetector.detect("v1.31.1+k3s1", List.of())).isEqualTo("K3s");
        assertThat(PlatformDetector.detect("v1.31.0", List.of(node("gce://p/z/n", Map.of())))).isEqualTo("GKE");
        assertThat(PlatformDetector.detect("v1.31.0", List.of(node("azure:///subs/x", Map.of())))).isEqualTo("AKS");
        assertThat(PlatformDetector.detect("v1.31.0",
                List.of(node(null, Map.of("node.openshift.io/os_id", "rhcos"))))).isEqualTo("OpenShift");
        assertThat(PlatformDetector.detect("v1.31.0", List.of(node(null, Map.of())))).isEqualTo("Kubernetes");
    }

    @Test
    void recognisesSandboxClustersAsSimulated() {
        assertThat(PlatformDetector.isSimulated("v1.32.0-flotilla-sandbox", List.of())).isTrue();
        assertThat(PlatformDetector.isSimulated("v1.32.0",
                List.of(node(null, Map.of("flotilla.io/simulated", "true"))))).isTrue();
        assertThat(PlatformDetector.isSimulated("v1.32.0", List.of(node("aws://x", Map.of())))).isFalse();
        assertThat(PlatformDetector.detect("v1.32.0-flotilla-sandbox", List.of())).isEqualTo("Sandbox (simulated)");
    }
}
