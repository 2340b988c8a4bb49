package io.flotilla.inspection.checks;

import static io.flotilla.inspection.checks.Category.NODE;
import static io.flotilla.inspection.checks.Rules.check;
import static io.flotilla.inspection.checks.Rules.refs;
import static io.flotilla.inspection.checks.Severity.CRITICAL;
import static io.flotilla.inspection.checks.Severity.INFO;
import static io.flotilla.inspection.checks.Severity.WARNING;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Node health, capacity and topology. */
final class NodeChecks {

    static final double REQUEST_HEADROOM = 0.9;

    private NodeChecks() {}

    static List<Check> all() {
        return List.of(
                check("ND-001", "Node NotReady", NODE, CRITICAL,
                        "The kubelet reports the node not ready: its pods are not served and will be evicted.",
                        "Check the kubelet and container runtime on the node (journalctl -u kubelet).", refs("Kubernetes docs: Node status"),
                        condition("Ready", "False", "node is NotReady")),
                check("ND-002", "Node status unknown", NODE, CRITICAL,
                        "The node stopped reporting (Ready=Unknown): the kubelet is down or the node is unreachable.",
                        "Check the node's network and power; the node controller evicts its pods after a timeout.",
                        refs("Kubernetes docs: Node status"), condition("Ready", "Unknown", "node stopped posting status")),
                check("ND-003", "Memory pressure", NODE, WARNING,
                        "The node is low on memory; the kubelet evicts pods, BestEffort first.",
                        "Add memory, move workloads, or set accurate memory requests and limits.", refs("Kubernetes docs: Node-pressure eviction"),
                        condition("MemoryPressure", "True", "node has MemoryPressure")),
                check("ND-004", "Disk pressure", NODE, WARNING,
                        "The node is low on disk or inodes; image garbage collection and evictions follow.",
                        "Free disk space (images, logs) or add storage.", refs("Kubernetes docs: Node-pressure eviction"),
                        condition("DiskPressure", "True", "node has DiskPressure")),
                check("ND-005", "PID pressure", NODE, WARNING,
                        "The node is running out of process IDs.",
                        "Find the workload forking processes; set pod PID limits.", refs("Kubernetes docs: Node-pressure eviction"),
                        condition("PIDPressure", "True", "node has PIDPressure")),
                check("ND-006", "Network unavailable", NODE, CRITICAL,
                        "The node's network is not configured (CNI not ready): pods on it cannot communicate.",
                        "Check the CNI plugin's pods on the node.", refs("Kubernetes docs: Node status"),
                        condition("NetworkUnavailable", "True", "node network is unavailable")),
                check("ND-007", "Node cordoned", NODE, INFO,
                        "The node is unschedulable; fine during maintenance, lost capacity if forgotten.",
                        "Uncordon the node when maintenance is over.", refs("Kubernetes docs: Safely drain a node"),
                        nodes((inv, n, out) -> {
                            if (Rules.isTrue(n.getSpec().getUnschedulable())) {
                                out.report(ObjectRef.of(n), "node is cordoned");
                            }
                        })),
                check("ND-008", "CPU requests near capacity", NODE, WARNING,
                        "Requests above 90% of allocatable CPU leave no room for new pods or rescheduling after a node failure.",
                        "Add nodes or lower over-generous requests.", refs("Kubernetes docs: Resource management"),
                        usage("cpu", true, REQUEST_HEADROOM, "CPU requests")),
                check("ND-009", "Memory requests near capacity", NODE, WARNING,
                        "Requests above 90% of allocatable memory leave no room for new pods.",
                        "Add nodes or lower over-generous requests.", refs("Kubernetes docs: Resource management"),
                        usage("memory", true, REQUEST_HEADROOM, "memory requests")),
                check("ND-010", "Memory limits overcommitted", NODE, WARNING,
                        "Memory limits above allocatable: if pods use what they are allowed, the node runs out and OOM-kills.",
                        "Bring limits closer to requests, or spread pods over more nodes.", refs("Kubernetes docs: Resource management"),
                        usage("memory", false, 1.0, "memory limits")),
                check("ND-011", "CPU limits heavily overcommitted", NODE, INFO,
                        "CPU limits above twice the allocatable CPU mean heavy throttling under load.",
                        "Review CPU limits against real usage.", refs("Kubernetes docs: Resource management"),
                        usage("cpu", false, 2.0, "CPU limits")),
                check("ND-012", "Pod count near capacity", NODE, WARNING,
                        "The node runs 90% or more of its allocatable pod slots.",
                        "Add nodes or raise maxPods (within the CNI's IP budget).", refs("Kubernetes docs: Node allocatable"),
                        nodes((inv, n, out) -> {
                            BigDecimal max = Rules.amount(n.getStatus() == null ? null : n.getStatus().getAllocatable(), "pods");
                            long running = inv.podsOnNode(n.getMetadata().getName()).stream().filter(NodeChecks::active).count();
                            if (max != null && max.signum() > 0 && running >= max.doubleValue() * 0.9) {
                                out.report(ObjectRef.of(n), running + " of " + max.intValue() + " pod slots used");
                            }
                        })),
                check("ND-013", "Mixed architectures without node selectors", NODE, WARNING,
                        "Nodes of different CPU architectures: a workload with a single-arch image and no arch selector crashes on the others.",
                        "Add nodeSelector kubernetes.io/arch (or node affinity), or publish multi-arch images.",
                        refs("Kubernetes docs: Well-known labels kubernetes.io/arch"),
                        mixed("kubernetes.io/arch", "architecture")),
                check("ND-014", "Mixed operating systems without node selectors", NODE, WARNING,
                        "Linux and Windows nodes: a workload without kubernetes.io/os selector may land on the wrong OS.",
                        "Add nodeSelector kubernetes.io/os.", refs("Kubernetes docs: Well-known labels kubernetes.io/os"),
                        mixed("kubernetes.io/os", "operating system")),
                check("ND-015", "Docker Engine runtime", NODE, WARNING,
                        "dockershim was removed in Kubernetes 1.24; a docker:// runtime needs cri-dockerd and is unsupported by most vendors.",
                        "Migrate the node to containerd or CRI-O.", refs("Kubernetes docs: Dockershim removal"),
                        nodes((inv, n, out) -> {
                            String rt = n.getStatus() == null || n.getStatus().getNodeInfo() == null ? null
                                    : n.getStatus().getNodeInfo().getContainerRuntimeVersion();
                            if (rt != null && rt.startsWith("docker://")) {
                                out.report(ObjectRef.of(n), "container runtime " + rt);
                            }
                        })),
                check("ND-016", "Stale node heartbeat", NODE, WARNING,
                        "The node says Ready but its last heartbeat is older than 5 minutes: the status is not current.",
                        "Check kubelet connectivity to the API server.", refs("Kubernetes docs: Node heartbeats"),
                        nodes((inv, n, out) -> {
                            NodeCondition ready = cond(n, "Ready");
                            Instant beat = ready == null ? null : Inventory.instant(ready.getLastHeartbeatTime());
                            if (ready != null && "True".equals(ready.getStatus()) && beat != null
                                    && Duration.between(beat, inv.now()).compareTo(Duration.ofMinutes(5)) > 0) {
                                out.report(ObjectRef.of(n), "last heartbeat at " + beat);
                            }
                        })),
                check("ND-017", "Node without zone label", NODE, INFO,
                        "Without topology.kubernetes.io/zone, zone-aware spreading and volume topology cannot work.",
                        "Label nodes with topology.kubernetes.io/zone (cloud providers do this).", refs("Kubernetes docs: Well-known labels"),
                        (inv, out) -> {
                            List<Node> nodes = inv.all(Node.class);
                            if (nodes.size() > 1) {
                                for (Node n : nodes) {
                                    if (!Inventory.labels(n).containsKey("topology.kubernetes.io/zone")) {
                                        out.report(ObjectRef.of(n), "no topology.kubernetes.io/zone label");
                                    }
                                }
                            }
                        }),
                check("ND-018", "All nodes in one zone", NODE, INFO,
                        "With every node in one zone, a zone outage takes the whole cluster down.",
                        "Spread worker nodes over at least two zones.", refs("Kubernetes docs: Running in multiple zones"),
                        (inv, out) -> {
                            TreeSet<String> zones = new TreeSet<>();
                            int labelled = 0;
                            for (Node n : inv.all(Node.class)) {
                                String z = Inventory.labels(n).get("topology.kubernetes.io/zone");
                                if (z != null) {
                                    zones.add(z);
                                    labelled++;
                                }
                            }
                            if (labelled > 2 && zones.size() == 1) {
                                out.report(ObjectRef.cluster(inv.cluster()), "all " + labelled + " nodes are in zone " + zones.first());
                            }
                        }),
                check("ND-019", "Control plane node accepts workloads", NODE, WARNING,
                        "A control plane node without the NoSchedule taint runs ordinary pods next to the API server and etcd.",
                        "Taint it node-role.kubernetes.io/control-plane:NoSchedule.", refs("Kubernetes docs: Taints and tolerations"),
                        nodes((inv, n, out) -> {
                            Map<String, String> labels = Inventory.labels(n);
                            boolean cp = labels.containsKey("node-role.kubernetes.io/control-plane")
                                    || labels.containsKey("node-role.kubernetes.io/master");
                            boolean tainted = n.getSpec().getTaints() != null && n.getSpec().getTaints().stream()
                                    .anyMatch(t -> t.getKey() != null && t.getKey().startsWith("node-role.kubernetes.io/")
                                            && ("NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect())));
                            if (cp && !tainted && inv.all(Node.class).size() > 1) {
                                out.report(ObjectRef.of(n), "control plane node has no NoSchedule taint");
                            }
                        })),
                check("ND-020", "Idle node", NODE, INFO,
                        "A Ready, schedulable worker node without workload pods is paid-for capacity doing nothing.",
                        "Let the cluster autoscaler remove it, or check why nothing schedules there (taints).", refs("Kubernetes docs: Cluster autoscaling"),
                        nodes((inv, n, out) -> {
                            boolean ready = cond(n, "Ready") != null && "True".equals(cond(n, "Ready").getStatus());
                            boolean cp = Inventory.labels(n).containsKey("node-role.kubernetes.io/control-plane");
                            long workloadPods = inv.podsOnNode(n.getMetadata().getName()).stream()
                                    .filter(p -> !Inventory.isSystemNamespace(p.getMetadata().getNamespace()) && active(p)).count();
                            if (ready && !cp && !Rules.isTrue(n.getSpec().getUnschedulable()) && workloadPods == 0
                                    && !inv.all(Pod.class).isEmpty()) {
                                out.report(ObjectRef.of(n), "no workload pods on this node");
                            }
                        })));
    }

    interface NodeRule {
        void check(Inventory inv, Node node, Check.Sink out);
    }

    private static Check.Rule nodes(NodeRule rule) {
        return (inv, out) -> {
            for (Node n : inv.all(Node.class)) {
                if (n.getSpec() == null) {
                    n.setSpec(new io.fabric8.kubernetes.api.model.NodeSpec());
                }
                rule.check(inv, n, out);
            }
        };
    }

    static NodeCondition cond(Node n, String type) {
        if (n.getStatus() == null || n.getStatus().getConditions() == null) {
            return null;
        }
        return n.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    private static Check.Rule condition(String type, String status, String message) {
        return nodes((inv, n, out) -> {
            NodeCondition c = cond(n, type);
            if (c != null && status.equals(c.getStatus())) {
                out.report(ObjectRef.of(n), message + (c.getMessage() == null || c.getMessage().isBlank() ? "" : ": " + c.getMessage()));
            }
        });
    }

    static boolean active(Pod p) {
        String phase = WorkloadChecks.phase(p);
        return !"Succeeded".equals(phase) && !"Failed".equals(phase);
    }

    private static Check.Rule usage(String resource, boolean requests, double threshold, String what) {
        return nodes((inv, n, out) -> {
            BigDecimal allocatable = Rules.amount(n.getStatus() == null ? null : n.getStatus().getAllocatable(), resource);
            if (allocatable == null || allocatable.signum() <= 0) {
                return;
            }
            double sum = 0;
            for (Pod p : inv.podsOnNode(n.getMetadata().getName())) {
                if (!active(p) || p.getSpec().getContainers() == null) {
                    continue;
                }
                for (Container c : p.getSpec().getContainers()) {
                    BigDecimal v = requests ? Rules.request(c, resource) : Rules.limit(c, resource);
                    if (v != null) {
                        sum += v.doubleValue();
                    }
                }
            }
            double ratio = sum / allocatable.doubleValue();
            if (ratio > threshold) {
                out.report(ObjectRef.of(n), what + " are " + Rules.percent(ratio) + " of allocatable");
            }
        });
    }

    private static Check.Rule mixed(String label, String what) {
        return (inv, out) -> {
            Set<String> values = new TreeSet<>();
            for (Node n : inv.all(Node.class)) {
                String v = Inventory.labels(n).get(label);
                if (v != null) {
                    values.add(v);
                }
            }
            if (values.size() < 2) {
                return;
            }
            for (Workload w : Rules.userWorkloads(inv)) {
                if (w.object() instanceof Pod) {
                    continue;
                }
                Map<String, String> selector = w.spec().getNodeSelector();
                boolean selected = selector != null && selector.containsKey(label);
                boolean affinity = w.spec().getAffinity() != null && w.spec().getAffinity().getNodeAffinity() != null
                        && Objects.toString(w.spec().getAffinity().getNodeAffinity()).contains(label);
                if (!selected && !affinity) {
                    out.report(w.ref(), "nodes run " + values + " but the workload does not select an " + what);
                }
            }
        };
    }
}
