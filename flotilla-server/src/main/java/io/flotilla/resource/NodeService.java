package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.flotilla.cluster.ClusterService;
import io.flotilla.iam.Authorization;
import io.flotilla.iam.Scope;
import io.flotilla.platform.ApiException;
import io.flotilla.platform.LabelSelector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Nodes: summaries, pods on a node, cordon/uncordon, labels and taints, and drain (a long-running
 * operation with progress, evicting through the eviction API so PodDisruptionBudgets are respected).
 */
@Service
public class NodeService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NodeService.class);
    private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final int KEPT_REPORTS = 100;

    private final ClusterService clusters;
    private final Authorization authz;
    private final Clock clock;
    private final Map<String, DrainReport> drains = new ConcurrentHashMap<>();
    private final ExecutorService drainers = Executors.newVirtualThreadPerTaskExecutor();

    NodeService(ClusterService clusters, Authorization authz, Clock clock) {
        this.clusters = clusters;
        this.authz = authz;
        this.clock = clock;
    }

    public List<NodeSummary> list(String cluster) {
        authz.require("list", "nodes", new Scope.Cluster(cluster), null);
        try {
            return clusters.sharedClient(cluster).nodes().list().getItems().stream().map(NodeSummary::of)
                    .sorted(Comparator.comparing(NodeSummary::name)).toList();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    public NodeSummary get(String cluster, String name) {
        return NodeSummary.of(load(cluster, name, "get"));
    }

    public List<PodSummary> pods(String cluster, String name) {
        load(cluster, name, "get");
        authz.require("list", "pods", new Scope.Cluster(cluster), null);
        return podsOn(clusters.sharedClient(cluster), name).stream().map(PodSummary::of).toList();
    }

    public NodeSummary cordon(String cluster, String name, boolean unschedulable) {
        load(cluster, name, "update");
        try {
            return NodeSummary.of(clusters.sharedClient(cluster).nodes().withName(name).edit(n -> {
                n.getSpec().setUnschedulable(unschedulable ? Boolean.TRUE : null);
                return n;
            }));
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    /**
     * Replaces the node's labels (when given) and taints (when given, as {@code key[=value]:Effect}).
     * Everything is validated before the node is changed.
     */
    public NodeSummary edit(String cluster, String name, Map<String, String> labels, List<String> taints) {
        if (labels != null) {
            labels.forEach((k, v) -> {
                if (!LabelSelector.isValidKey(k) || !LabelSelector.isValidValue(v)) {
                    throw ApiException.badRequest("labels." + k, "'" + k + "=" + v + "' is not a valid label");
                }
            });
        }
        List<Taint> parsed = taints == null ? null : taints.stream().map(NodeService::taint).toList();
        load(cluster, name, "update");
        try {
            return NodeSummary.of(clusters.sharedClient(cluster).nodes().withName(name).edit(n -> {
                if (labels != null) {
                    n.getMetadata().setLabels(new LinkedHashMap<>(labels));
                }
                if (parsed != null) {
                    n.getSpec().setTaints(new ArrayList<>(parsed));
                }
                return n;
            }));
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    /** Starts draining: cordons the node now, evicts its pods in the background; follow with {@link #drain(String)}. */
    public DrainReport startDrain(String cluster, String name, Duration timeout) {
        load(cluster, name, "update");
        authz.require("create", "pods/eviction", new Scope.Cluster(cluster), null);
        cordon(cluster, name, true);
        KubernetesClient client = clusters.sharedClient(cluster);
        List<Pod> pods = podsOn(client, name);
        List<String> skipped = new ArrayList<>();
        List<Pod> evictable = new ArrayList<>();
        for (Pod p : pods) {
            if (ownedByDaemonSet(p) || isMirror(p) || "Succeeded".equals(phase(p)) || "Failed".equals(phase(p))) {
                skipped.add(ref(p));
            } else {
                evictable.add(p);
            }
        }
        String id = UUID.randomUUID().toString();
        DrainReport report = new DrainReport(id, cluster, name, "Running", evictable.size(), List.of(), List.of(),
                skipped, clock.instant(), null);
        drains.put(id, report);
        prune();
        drainers.submit(() -> evictAll(client, report, evictable, timeout));
        log.info("draining node {} of cluster {}: {} pods to evict, {} skipped", name, cluster, evictable.size(),
                skipped.size());
        return report;
    }

    public DrainReport drain(String id) {
        DrainReport report = drains.get(id);
        if (report == null) {
            throw ApiException.notFound("drain '" + id + "'");
        }
        authz.require("get", "nodes", new Scope.Cluster(report.cluster()), report.node());
        return report;
    }

    private void evictAll(KubernetesClient client, DrainReport start, List<Pod> pods, Duration timeout) {
        List<String> evicted = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        Instant deadline = clock.instant().plus(timeout);
        List<Pod> pending = new ArrayList<>(pods);
        while (!pending.isEmpty()) {
            List<Pod> retry = new ArrayList<>();
            for (Pod p : pending) {
                try {
                    boolean ok = client.pods().inNamespace(p.getMetadata().getNamespace())
                            .withName(p.getMetadata().getName()).evict();
                    if (ok) {
                        evicted.add(ref(p));
                    } else {
                        retry.add(p);
                    }
                } catch (KubernetesClientException e) {
                    if (e.getCode() == 404) {
                        evicted.add(ref(p));
                    } else {
                        blocked.add(ref(p) + ": " + (e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage()));
                    }
                }
                drains.put(start.id(), progress(start, evicted, blocked, "Running", null));
            }
            if (retry.isEmpty() || clock.instant().isAfter(deadline)) {
                retry.forEach(p -> blocked.add(ref(p) + ": a PodDisruptionBudget did not allow the eviction before "
                        + "the drain timeout"));
                break;
            }
            pending = retry;
            try {
                TimeUnit.SECONDS.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        drains.put(start.id(), progress(start, evicted, blocked, blocked.isEmpty() ? "Succeeded" : "Failed",
                clock.instant()));
        log.info("drain of node {} in cluster {} finished: {} evicted, {} blocked", start.node(), start.cluster(),
                evicted.size(), blocked.size());
    }

    private static DrainReport progress(DrainReport start, List<String> evicted, List<String> blocked, String phase,
            Instant finished) {
        return new DrainReport(start.id(), start.cluster(), start.node(), phase, start.total(), evicted, blocked,
                start.skipped(), start.startedAt(), finished);
    }

    private void prune() {
        if (drains.size() > KEPT_REPORTS) {
            drains.values().stream().filter(r -> r.finishedAt() != null)
                    .sorted(Comparator.comparing(DrainReport::finishedAt)).limit(drains.size() - KEPT_REPORTS)
                    .forEach(r -> drains.remove(r.id()));
        }
    }

    private Node load(String cluster, String name, String verb) {
        authz.require(verb, "nodes", new Scope.Cluster(cluster), name);
        Node node;
        try {
            node = clusters.sharedClient(cluster).nodes().withName(name).get();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
        if (node == null) {
            throw ApiException.notFound("node '" + name + "' of cluster '" + cluster + "'");
        }
        return node;
    }

    private static List<Pod> podsOn(KubernetesClient client, String node) {
        return client.pods().inAnyNamespace().withField("spec.nodeName", node).list().getItems();
    }

    static Taint taint(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon < 1) {
            throw ApiException.badRequest("taints", "'" + text + "' must look like key[=value]:Effect");
        }
        String effect = text.substring(colon + 1);
        if (!EFFECTS.contains(effect)) {
            throw ApiException.badRequest("taints", "'" + text + "': the effect must be one of " + EFFECTS);
        }
        String kv = text.substring(0, colon);
        int eq = kv.indexOf('=');
        String key = eq < 0 ? kv : kv.substring(0, eq);
        String value = eq < 0 ? null : kv.substring(eq + 1);
        if (!LabelSelector.isValidKey(key) || (value != null && !LabelSelector.isValidValue(value))) {
            throw ApiException.badRequest("taints", "'" + text + "' has an invalid key or value");
        }
        return new TaintBuilder().withKey(key).withValue(value).withEffect(effect).build();
    }

    private static boolean ownedByDaemonSet(Pod p) {
        return p.getMetadata().getOwnerReferences() != null && p.getMetadata().getOwnerReferences().stream()
                .anyMatch(o -> "DaemonSet".equals(o.getKind()));
    }

    private static boolean isMirror(Pod p) {
        return p.getMetadata().getAnnotations() != null
                && p.getMetadata().getAnnotations().containsKey("kubernetes.io/config.mirror");
    }

    private static String phase(Pod p) {
        return p.getStatus() == null ? null : p.getStatus().getPhase();
    }

    private static String ref(Pod p) {
        return p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
    }

    @Override
    public void destroy() {
        drainers.shutdownNow();
    }
}
