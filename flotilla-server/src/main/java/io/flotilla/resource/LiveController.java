package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live list updates as server-sent events: one event per change (named ADDED, MODIFIED or DELETED,
 * data {@code {"type","object"[,"row"]}}), {@code open} once the cluster watches are established,
 * {@code expired} when the cluster ends the watch (re-list, then watch again), a comment every 15 s.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}")
@Tag(name = "Resources", description = "Any Kubernetes kind in a member cluster, CRDs included")
class LiveController implements DisposableBean {

    private static final String DESCRIPTION = "Server-sent events: 'open' when the watch is established, then one "
            + "event per change named ADDED, MODIFIED or DELETED with data {\"type\", \"object\"}, 'expired' when the "
            + "cluster ends the watch (e.g. the resourceVersion is too old: list again and watch from the new one). "
            + "Authorised like the list: 403 when the caller may not list the kind there.";

    private final ResourceWatchService watches;
    private final KubernetesSerialization json;
    private final ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();

    LiveController(ResourceWatchService watches, KubernetesSerialization json) {
        this.watches = watches;
        this.json = json;
    }

    @GetMapping(path = "/namespaces/{namespace}/watch/{type}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Watch objects of a kind in a namespace", description = DESCRIPTION)
    SseEmitter watch(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String type,
            @RequestParam(required = false) String labelSelector,
            @Parameter(description = "the list's metadata.resourceVersion; empty: ADDED for every object first")
            @RequestParam(required = false) String resourceVersion) {
        return stream(watches.prepare(cluster, type, namespace, labelSelector, resourceVersion).open(), o -> null);
    }

    @GetMapping(path = "/watch/{type}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Watch cluster-scoped objects, or namespaced ones in every namespace you may list",
            description = DESCRIPTION)
    SseEmitter watchAll(@PathVariable String cluster, @PathVariable String type,
            @RequestParam(required = false) String labelSelector,
            @RequestParam(required = false) String resourceVersion) {
        return stream(watches.prepare(cluster, type, null, labelSelector, resourceVersion).open(), o -> null);
    }

    @GetMapping(path = "/workloads/watch", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Watch workloads (every kind, or one) for the workload list",
            description = DESCRIPTION + " Each event also carries \"row\": the workload's summary as the list shows "
                    + "it. Starts with ADDED for every existing workload.")
    SseEmitter watchWorkloads(@PathVariable String cluster, @RequestParam(required = false) String namespace,
            @RequestParam(required = false) String kind) {
        return stream(watches.prepareWorkloads(cluster, namespace, kind).open(), this::workloadRow);
    }

    private Map<String, Object> workloadRow(GenericKubernetesResource o) {
        HasMetadata typed = json.convertValue(o, WorkloadKind.of(o.getKind()).type());
        WorkloadSummary s = Workloads.summarize(typed);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", s.kind());
        row.put("namespace", s.namespace());
        row.put("name", s.name());
        row.put("images", s.images());
        row.put("desired", s.desired());
        row.put("ready", s.ready());
        row.put("available", s.available());
        row.put("updated", s.updated());
        row.put("state", s.state());
        row.put("labels", s.labels());
        row.put("conditions", s.conditions());
        row.put("createdAt", s.createdAt() == null ? null : s.createdAt().toString());
        return row;
    }

    private SseEmitter stream(LiveWatch watch, Function<GenericKubernetesResource, Map<String, Object>> row) {
        SseEmitter emitter = new SseEmitter(0L);
        emitter.onCompletion(watch::close);
        emitter.onTimeout(watch::close);
        emitter.onError(e -> watch.close());
        streams.submit(() -> {
            try {
                emitter.send(SseEmitter.event().name("open").data("{}", MediaType.APPLICATION_JSON));
                watch.run(new LiveWatch.Sink() {
                    @Override
                    public void change(LiveWatch.Change change) throws IOException {
                        Map<String, Object> data = new LinkedHashMap<>();
                        data.put("type", change.type());
                        data.put("object", change.object());
                        Map<String, Object> r = row.apply(change.object());
                        if (r != null) {
                            data.put("row", r);
                        }
                        emitter.send(SseEmitter.event().name(change.type()).data(json.asJson(data),
                                MediaType.APPLICATION_JSON));
                    }

                    @Override
                    public void heartbeat() throws IOException {
                        emitter.send(SseEmitter.event().comment("keep-alive"));
                    }

                    @Override
                    public void expired(String reason) throws IOException {
                        emitter.send(SseEmitter.event().name("expired").data(json.asJson(Map.of("reason", reason)),
                                MediaType.APPLICATION_JSON));
                    }
                });
                emitter.complete();
            } catch (IOException e) {
                // the client went away: the watches are closed, nothing more to send
                emitter.completeWithError(e);
            } catch (Exception e) {
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    @Override
    public void destroy() {
        streams.shutdownNow();
    }
}
