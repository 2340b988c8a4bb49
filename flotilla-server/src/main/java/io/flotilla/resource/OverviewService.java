package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.flotilla.cluster.ClusterService;
import io.flotilla.iam.Authorization;
import io.flotilla.iam.Scope;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** One cluster at a glance: nodes, pods, requested vs allocatable CPU and memory, workloads, warnings. */
@Service
public class OverviewService {

    private final ClusterService clusters;
    private final Authorization authz;
    private final WorkloadService workloads;
    private final PodService pods;

    OverviewService(ClusterService clusters, Authorization authz, WorkloadService workloads, PodService pods) {
        this.clusters = clusters;
        this.authz = authz;
        this.workloads = workloads;
        this.pods = pods;
    }

    /**
     * @param cpu cores requested by running pods vs allocatable on all nodes
     * @param memory bytes requested vs allocatable
     * @param podPhases pod count by phase
     * @param workloadStates workload count by state (Running, Progressing, Degraded, Stopped, Failed)
     */
    public record Overview(Nodes nodes, Map<String, Integer> podPhases, Usage cpu, Usage memory,
            Map<String, Integer> workloadStates, List<EventSummary> warnings) {}

    /** Node counts. */
    public record Nodes(int total, int ready, int notReady, int cordoned) {}

    /** Requested against allocatable. */
    public record Usage(double requested, double allocatable) {}

    public Overview overview(String cluster) {
        authz.require("list", "nodes", new Scope.Cluster(cluster), null);
        authz.require("list", "pods", new Scope.Cluster(cluster), null);
        KubernetesClient client = clusters.sharedClient(cluster);
        try {
            List<Node> nodes = client.nodes().list().getItems();
            List<Pod> all = client.pods().inAnyNamespace().list().getItems();
            int ready = 0;
            int cordoned = 0;
            BigDecimal cpuAlloc = BigDecimal.ZERO;
            BigDecimal memAlloc = BigDecimal.ZERO;
            for (Node n : nodes) {
                NodeSummary s = NodeSummary.of(n);
                ready += s.status().startsWith("Ready") ? 1 : 0;
                cordoned += s.unschedulable() ? 1 : 0;
                Map<String, Quantity> alloc = n.getStatus() == null ? null : n.getStatus().getAllocatable();
                if (alloc != null) {
                    cpuAlloc = cpuAlloc.add(amount(alloc.get("cpu")));
                    memAlloc = memAlloc.add(amount(alloc.get("memory")));
                }
            }
            Map<String, Integer> phases = new TreeMap<>();
            BigDecimal cpuReq = BigDecimal.ZERO;
            BigDecimal memReq = BigDecimal.ZERO;
            for (Pod p : all) {
                String phase = p.getStatus() == null || p.getStatus().getPhase() == null ? "Pending" : p.getStatus().getPhase();
                phases.merge(phase, 1, Integer::sum);
                if (!"Succeeded".equals(phase) && !"Failed".equals(phase)) {
                    for (Container c : p.getSpec().getContainers()) {
                        if (c.getResources() != null && c.getResources().getRequests() != null) {
                            cpuReq = cpuReq.add(amount(c.getResources().getRequests().get("cpu")));
                            memReq = memReq.add(amount(c.getResources().getRequests().get("memory")));
                        }
                    }
                }
            }
            Map<String, Integer> states = new TreeMap<>();
            workloads.list(cluster, null, null).forEach(w -> states.merge(w.state(), 1, Integer::sum));
            List<EventSummary> warnings = pods.events(cluster, null, null, null, 500).stream()
                    .filter(e -> "Warning".equals(e.type())).limit(20).toList();
            return new Overview(new Nodes(nodes.size(), ready, nodes.size() - ready, cordoned), phases,
                    new Usage(cpuReq.doubleValue(), cpuAlloc.doubleValue()),
                    new Usage(memReq.doubleValue(), memAlloc.doubleValue()), states, warnings);
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    private static BigDecimal amount(Quantity q) {
        return q == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(q);
    }
}
