package io.flotilla.inspection.checks;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * A well-run cluster (src/test/resources/inspection/baseline.yaml plus three hardened control plane
 * members) that test cases change to trigger exactly the check under test. Each instance is fresh.
 */
final class Fixture {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final KubernetesSerialization JSON = new KubernetesSerialization();
    static final Map<String, List<String>> GOOD_FLAGS = Map.of(
            "kube-apiserver", List.of("--anonymous-auth=false", "--kubelet-client-certificate=/pki/kc.crt",
                    "--kubelet-client-key=/pki/kc.key", "--kubelet-certificate-authority=/pki/ca.crt",
                    "--authorization-mode=Node,RBAC", "--enable-admission-plugins=NodeRestriction", "--profiling=false",
                    "--audit-log-path=/var/log/audit.log", "--audit-log-maxage=30",
                    "--encryption-provider-config=/etc/enc.yaml", "--tls-cert-file=/pki/api.crt",
                    "--tls-private-key-file=/pki/api.key", "--etcd-certfile=/pki/etcd.crt", "--etcd-keyfile=/pki/etcd.key"),
            "kube-controller-manager", List.of("--profiling=false", "--use-service-account-credentials=true",
                    "--terminated-pod-gc-threshold=10", "--bind-address=127.0.0.1",
                    "--service-account-private-key-file=/pki/sa.key"),
            "kube-scheduler", List.of("--profiling=false", "--bind-address=127.0.0.1"),
            "etcd", List.of("--cert-file=/pki/etcd.crt", "--key-file=/pki/etcd.key", "--client-cert-auth=true",
                    "--peer-client-cert-auth=true"));
    /** The baseline parsed once, as JSON documents (each fixture deserialises its own copies). */
    private static final List<String> BASELINE = parse(read("/inspection/baseline.yaml") + controlPlane()).stream()
            .map(JSON::asJson).toList();

    final List<HasMetadata> objects = new ArrayList<>();
    Instant now = NOW;
    String version = "v1.35.1";
    String readyz = "[+]ping ok\n[+]etcd ok\n[+]poststarthook/rbac/bootstrap-roles ok\nreadyz check passed\n";
    final List<String> apiVersions = new ArrayList<>(List.of("v1", "apps/v1", "batch/v1", "networking.k8s.io/v1",
            "policy/v1", "autoscaling/v2", "rbac.authorization.k8s.io/v1", "storage.k8s.io/v1"));

    Fixture() {
        BASELINE.forEach(json -> objects.add((HasMetadata) JSON.unmarshal(json)));
    }

    /** Three hardened members of each control plane component, as kubeadm static (mirror) pods. */
    private static String controlPlane() {
        StringBuilder yaml = new StringBuilder();
        GOOD_FLAGS.forEach((component, flags) -> {
            for (int i = 1; i <= 3; i++) {
                yaml.append("---\n").append("""
                        apiVersion: v1
                        kind: Pod
                        metadata:
                          name: %s-cp-%d
                          namespace: kube-system
                          labels: {component: %s, tier: control-plane}
                          annotations: {kubernetes.io/config.mirror: "x"}
                          ownerReferences: [{apiVersion: v1, kind: Node, name: cp-%d, uid: node-%d}]
                        spec:
                          nodeName: cp-1
                          containers: [{name: %s, image: registry.k8s.io/%s:v1.35.1, command: [%s]}]
                        status:
                          phase: Running
                          conditions: [{type: Ready, status: "True"}]
                        """.formatted(component, i, component, i, i, component, component,
                        String.join(", ", flags.stream().map(f -> "\"" + f + "\"").toList()) + ", \"" + component + "\""));
            }
        });
        return yaml.toString();
    }

    Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder("test", now).gitVersion(version).readyz(readyz).apiVersions(apiVersions);
        objects.forEach(b::add);
        return b.build();
    }

    /** Adds the objects of a YAML document (several separated by ---). */
    Fixture add(String yaml) {
        objects.addAll(parse(yaml));
        return this;
    }

    <T extends HasMetadata> T get(Class<T> kind, String name) {
        return objects.stream().filter(kind::isInstance).map(kind::cast)
                .filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind.getSimpleName() + " " + name));
    }

    void remove(Class<? extends HasMetadata> kind, String name) {
        objects.removeIf(o -> kind.isInstance(o) && o.getMetadata().getName().equals(name));
    }

    Deployment web() {
        return get(Deployment.class, "web");
    }

    PodSpec spec() {
        return web().getSpec().getTemplate().getSpec();
    }

    /** The web Deployment's container. */
    Container c() {
        return spec().getContainers().getFirst();
    }

    /** One of web's running pods (on worker-1). */
    Pod pod() {
        return get(Pod.class, "web-5d8f-a");
    }

    Node node(String name) {
        return get(Node.class, name);
    }

    /** Sets (or with null removes) a flag of the first member of a control plane component. */
    void flag(String component, String flag, String value) {
        Pod p = get(Pod.class, component + "-cp-1");
        List<String> command = new ArrayList<>(p.getSpec().getContainers().getFirst().getCommand());
        command.removeIf(w -> w.startsWith("--" + flag + "=") || w.equals("--" + flag));
        if (value != null) {
            command.add("--" + flag + "=" + value);
        }
        p.getSpec().getContainers().getFirst().setCommand(command);
    }

    /**
     * Parses documents separated by {@code ---} as one YAML sequence, so anchors defined in one
     * document ({@code &webspec}) can be used in the following ones.
     */
    static List<HasMetadata> parse(String yaml) {
        StringBuilder sequence = new StringBuilder();
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            List<String> lines = doc.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            for (int i = 0; i < lines.size(); i++) {
                sequence.append(i == 0 ? "- " : "  ").append(lines.get(i)).append('\n');
            }
        }
        List<HasMetadata> out = new ArrayList<>();
        Object all = new Yaml().load(sequence.toString());
        if (all instanceof List<?> docs) {
            for (Object doc : docs) {
                if (doc instanceof Map<?, ?> map) {
                    out.add((HasMetadata) JSON.unmarshal(JSON.asJson(new LinkedHashMap<>(map))));
                }
            }
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = Fixture.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
