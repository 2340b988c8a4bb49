package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.fabric8.kubernetes.client.dsl.TailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import io.flotilla.cluster.ClusterService;
import io.flotilla.iam.Authorization;
import io.flotilla.iam.Scope;
import io.flotilla.platform.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Pods, their logs (tail, since, previous, follow) and events of any object. */
@Service
public class PodService {

    /** Most lines a log request may ask for. */
    public static final int MAX_TAIL = 100_000;

    private final ClusterService clusters;
    private final Authorization authz;

    PodService(ClusterService clusters, Authorization authz) {
        this.clusters = clusters;
        this.authz = authz;
    }

    public PodSummary get(String cluster, String namespace, String name) {
        return PodSummary.of(load(cluster, namespace, name));
    }

    public void delete(String cluster, String namespace, String name) {
        authz.require("delete", "pods", Scope.of(cluster, namespace), name);
        load(cluster, namespace, name);
        try {
            clusters.sharedClient(cluster).pods().inNamespace(namespace).withName(name).delete();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    /** Evicts a pod through the eviction API, which respects PodDisruptionBudgets (429 when a budget forbids it). */
    public void evict(String cluster, String namespace, String name) {
        authz.require("create", "pods/eviction", Scope.of(cluster, namespace), name);
        load(cluster, namespace, name);
        boolean evicted;
        try {
            evicted = clusters.sharedClient(cluster).pods().inNamespace(namespace).withName(name).evict();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
        if (!evicted) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Eviction refused",
                    "pod '" + name + "' cannot be evicted now: a PodDisruptionBudget forbids it; try again later");
        }
    }

    /**
     * Log options.
     *
     * @param container container name; required when the pod has several
     * @param tailLines last N lines (null: all, capped at {@link #MAX_TAIL})
     * @param since only lines after this time
     * @param previous the previous (crashed) container instance
     */
    public record LogRequest(String container, Integer tailLines, Instant since, boolean previous) {}

    public String logs(String cluster, String namespace, String pod, LogRequest request) {
        try {
            return loggable(cluster, namespace, pod, request).getLog();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    /**
     * Authorises and prepares following a log; the returned stream is then read on any thread
     * (authorisation needs the request's thread, the reading does not).
     */
    public LogStream prepareFollow(String cluster, String namespace, String pod, LogRequest request) {
        return new LogStream(cluster, loggable(cluster, namespace, pod, request));
    }

    /** A prepared log stream: {@link #follow} hands each line to the sink until the stream ends. */
    public static final class LogStream {
        private final String cluster;
        private final Loggable loggable;

        private LogStream(String cluster, Loggable loggable) {
            this.cluster = cluster;
            this.loggable = loggable;
        }

        /** Blocks until the stream ends or the sink throws (the client went away). */
        public void follow(Consumer<String> sink) {
            try (LogWatch watch = loggable.watchLog();
                    BufferedReader reader = new BufferedReader(new InputStreamReader(watch.getOutput(),
                            StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (KubernetesClientException e) {
                throw KubeErrors.translate(cluster, e);
            }
        }
    }

    /** Events about one object (by kind and name), or the whole namespace, newest first. */
    public List<EventSummary> events(String cluster, String namespace, String kind, String name, int limit) {
        authz.require("list", "events", Scope.of(cluster, namespace), null);
        KubernetesClient client = clusters.sharedClient(cluster);
        try {
            var op = namespace == null ? client.v1().events().inAnyNamespace() : client.v1().events().inNamespace(namespace);
            List<Event> items = name == null ? op.list().getItems()
                    : op.withField("involvedObject.name", name).list().getItems();
            return items.stream()
                    .filter(e -> kind == null || e.getInvolvedObject() == null
                            || kind.equalsIgnoreCase(e.getInvolvedObject().getKind()))
                    .map(EventSummary::of)
                    .sorted(Comparator.comparing(EventSummary::last, Comparator.nullsLast(Comparator.reverseOrder())))
                    .limit(limit)
                    .toList();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    private Loggable loggable(String cluster, String namespace, String pod, LogRequest request) {
        authz.require("get", "pods/log", Scope.of(cluster, namespace), pod);
        Pod p = load(cluster, namespace, pod);
        String container = request.container();
        var names = p.getSpec().getContainers().stream().map(c -> c.getName()).toList();
        if (container == null || container.isBlank()) {
            if (names.size() > 1) {
                throw ApiException.badRequest("container", "the pod has containers " + names + "; choose one");
            }
            container = names.getFirst();
        } else if (!names.contains(container)) {
            throw ApiException.badRequest("container", "no container '" + container + "'; the pod has " + names);
        }
        if (request.tailLines() != null && (request.tailLines() < 0 || request.tailLines() > MAX_TAIL)) {
            throw ApiException.badRequest("tailLines", "must be between 0 and " + MAX_TAIL);
        }
        PodResource resource = clusters.sharedClient(cluster).pods().inNamespace(namespace).withName(pod);
        TimeTailPrettyLoggable c = resource.inContainer(container);
        TimeTailPrettyLoggable withPrevious = request.previous() ? resource.inContainer(container).terminated() : c;
        TailPrettyLoggable withSince = request.since() == null ? withPrevious
                : withPrevious.sinceTime(request.since().toString());
        return request.tailLines() == null ? withSince : withSince.tailingLines(request.tailLines());
    }

    private Pod load(String cluster, String namespace, String name) {
        authz.require("get", "pods", Scope.of(cluster, namespace), name);
        Pod pod;
        try {
            pod = clusters.sharedClient(cluster).pods().inNamespace(namespace).withName(name).get();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
        if (pod == null) {
            throw ApiException.notFound("pod '" + name + "' in namespace '" + namespace + "' of cluster '" + cluster + "'");
        }
        return pod;
    }
}
