package io.flotilla.inspection.checks;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.time.Instant;
import java.util.Map;

/**
 * A synthetic cluster of a given size (namespaces of Deployments, ReplicaSets, pods, Services,
 * Endpoints, ConfigMaps, Secrets) with problems sprinkled in, for benchmarks and scale tests of
 * evaluation. Deterministic; pure.
 */
public final class SyntheticCluster {

    /** Pods per namespace and per Deployment. */
    static final int PODS_PER_NAMESPACE = 50;
    static final int REPLICAS = 5;

    private SyntheticCluster() {}

    /** A snapshot with {@code pods} pods (rounded up to whole Deployments) on pods/100 nodes (at least 3). */
    public static Snapshot of(int pods, Instant now) {
        Snapshot.Builder b = Snapshot.builder("synthetic", now).gitVersion("v1.35.1").readyz("[+]ping ok\nreadyz check passed")
                .apiVersions(java.util.List.of("v1", "apps/v1"));
        int nodes = Math.max(3, pods / 100);
        for (int n = 0; n < nodes; n++) {
            b.add(new NodeBuilder().withNewMetadata().withName("node-" + n)
                    .withLabels(Map.of("kubernetes.io/arch", "amd64", "topology.kubernetes.io/zone", "zone-" + (n % 3)))
                    .endMetadata().withNewSpec().endSpec()
                    .withNewStatus().withAllocatable(Map.of("cpu", new Quantity("32"), "memory", new Quantity("128Gi"),
                            "pods", new Quantity("110")))
                    .withNewNodeInfo().withKubeletVersion("v1.35.1").withContainerRuntimeVersion("containerd://1.7.24")
                    .endNodeInfo()
                    .addNewCondition().withType("Ready").withStatus(n % 50 == 7 ? "False" : "True")
                    .withLastHeartbeatTime(now.toString()).endCondition()
                    .endStatus().build());
        }
        int namespaces = Math.max(1, (pods + PODS_PER_NAMESPACE - 1) / PODS_PER_NAMESPACE);
        int pod = 0;
        for (int ns = 0; ns < namespaces; ns++) {
            String namespace = "team-" + ns;
            b.add(new NamespaceBuilder().withNewMetadata().withName(namespace)
                    .withLabels(Map.of("pod-security.kubernetes.io/enforce", "baseline")).endMetadata().build());
            b.add(new ServiceAccountBuilder().withNewMetadata().withName("default").withNamespace(namespace).endMetadata()
                    .withAutomountServiceAccountToken(false).build());
            if (ns % 4 != 0) {
                b.add(new ResourceQuotaBuilder().withNewMetadata().withName("quota").withNamespace(namespace).endMetadata().build());
                b.add(new LimitRangeBuilder().withNewMetadata().withName("limits").withNamespace(namespace).endMetadata().build());
            }
            if (ns % 3 != 0) {
                b.add(new NetworkPolicyBuilder().withNewMetadata().withName("default-deny").withNamespace(namespace)
                        .endMetadata().withNewSpec().withNewPodSelector().endPodSelector().endSpec().build());
            }
            for (int d = 0; d < PODS_PER_NAMESPACE / REPLICAS; d++) {
                String app = "app-" + d;
                String uid = namespace + "-" + app;
                PodSpec spec = spec(app, d, ns);
                b.add(new DeploymentBuilder().withNewMetadata().withName(app).withNamespace(namespace).withUid(uid)
                        .endMetadata().withNewSpec().withReplicas(REPLICAS).withNewSelector().withMatchLabels(Map.of("app", app))
                        .endSelector().withNewTemplate().withNewMetadata().withLabels(Map.of("app", app,
                                "app.kubernetes.io/name", app)).endMetadata().withSpec(spec).endTemplate().endSpec()
                        .withNewStatus().withReplicas(REPLICAS).withAvailableReplicas(REPLICAS).endStatus().build());
                b.add(new ReplicaSetBuilder().withNewMetadata().withName(app + "-7d9f").withNamespace(namespace)
                        .withUid(uid + "-rs").addNewOwnerReference().withKind("Deployment").withName(app).withUid(uid)
                        .endOwnerReference().endMetadata().withNewSpec().withReplicas(REPLICAS).withNewTemplate()
                        .withNewMetadata().withLabels(Map.of("app", app)).endMetadata().withSpec(spec).endTemplate()
                        .endSpec().build());
                b.add(new ServiceBuilder().withNewMetadata().withName(app).withNamespace(namespace).endMetadata()
                        .withNewSpec().withSelector(Map.of("app", app)).addNewPort().withPort(80).endPort().endSpec().build());
                b.add(new EndpointsBuilder().withNewMetadata().withName(app).withNamespace(namespace).endMetadata()
                        .addNewSubset().addNewAddress().withIp("10.0.0.1").endAddress().endSubset().build());
                b.add(new ConfigMapBuilder().withNewMetadata().withName(app + "-config").withNamespace(namespace)
                        .endMetadata().withData(Map.of("k", "v")).build());
                b.add(new SecretBuilder().withNewMetadata().withName(app + "-secret").withNamespace(namespace)
                        .endMetadata().withType("Opaque").build());
                for (int r = 0; r < REPLICAS; r++, pod++) {
                    boolean crashing = pod % 97 == 0;
                    b.add(new PodBuilder().withNewMetadata().withName(app + "-7d9f-" + r).withNamespace(namespace)
                            .withUid(uid + "-p" + r).withLabels(Map.of("app", app))
                            .withCreationTimestamp(now.minusSeconds(86_400).toString())
                            .addNewOwnerReference().withKind("ReplicaSet").withName(app + "-7d9f").withUid(uid + "-rs")
                            .endOwnerReference().endMetadata()
                            .withSpec(new PodSpecBuilder(spec).withNodeName("node-" + (pod % nodes)).build())
                            .withNewStatus().withPhase("Running")
                            .addNewCondition().withType("Ready").withStatus(crashing ? "False" : "True").endCondition()
                            .addNewContainerStatus().withName("app").withRestartCount(crashing ? 42 : 0).withNewState()
                            .withNewWaiting().withReason(crashing ? "CrashLoopBackOff" : null).endWaiting().endState()
                            .endContainerStatus().endStatus().build());
                }
            }
        }
        return b.build();
    }

    private static PodSpec spec(String app, int d, int ns) {
        ContainerBuilder c = new ContainerBuilder().withName("app")
                .withImage(d % 9 == 0 ? "registry.example.com/" + app + ":latest" : "registry.example.com/" + app + ":1.0." + d)
                .withNewResources().addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("128Mi"))
                .addToLimits(d % 7 == 0 ? Map.of() : Map.of("memory", new Quantity("256Mi"))).endResources()
                .withNewReadinessProbe().withNewTcpSocket().withNewPort(8080).endTcpSocket().endReadinessProbe()
                .addNewVolumeMount().withName("config").withMountPath("/config").endVolumeMount()
                .addNewEnv().withName("TOKEN").withNewValueFrom().withNewSecretKeyRef("token", app + "-secret", null)
                .endValueFrom().endEnv();
        if (d % 5 == 0) {
            c.withNewSecurityContext().withPrivileged(ns % 10 == 0).withRunAsUser(0L).endSecurityContext();
        } else {
            c.withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                    .withNewCapabilities().addToDrop("ALL").endCapabilities().endSecurityContext();
        }
        Container container = c.build();
        return new PodSpecBuilder().withAutomountServiceAccountToken(false).addToContainers(container)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(10001L).withNewSeccompProfile()
                .withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
                .addNewVolume().withName("config").withNewConfigMap().withName(app + "-config").endConfigMap().endVolume()
                .build();
    }
}
