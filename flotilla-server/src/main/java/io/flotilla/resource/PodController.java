package io.flotilla.resource;

import io.flotilla.platform.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Pods, logs (also followed live over server-sent events) and events. */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}")
@Tag(name = "Pods", description = "Pods, logs and events")
class PodController implements DisposableBean {

    private final PodService pods;
    private final ExecutorService followers = Executors.newVirtualThreadPerTaskExecutor();

    PodController(PodService pods) {
        this.pods = pods;
    }

    @GetMapping("/namespaces/{namespace}/pods/{name}")
    @Operation(summary = "A pod's summary: phase, containers, restarts, node")
    PodSummary get(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String name) {
        return pods.get(cluster, namespace, name);
    }

    @DeleteMapping("/namespaces/{namespace}/pods/{name}")
    @Operation(summary = "Delete a pod")
    ResponseEntity<Void> delete(@PathVariable String cluster, @PathVariable String namespace,
            @PathVariable String name) {
        pods.delete(cluster, namespace, name);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/namespaces/{namespace}/pods/{name}/eviction")
    @Operation(summary = "Evict a pod", description = "Respects PodDisruptionBudgets: 429 when one forbids it.")
    ResponseEntity<Void> evict(@PathVariable String cluster, @PathVariable String namespace,
            @PathVariable String name) {
        pods.evict(cluster, namespace, name);
        return ResponseEntity.accepted().build();
    }

    @GetMapping(path = "/namespaces/{namespace}/pods/{name}/log", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "A container's log", description = "download=true sends it as a file attachment.")
    ResponseEntity<String> log(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String name,
            @RequestParam(required = false) String container,
            @Parameter(description = "last N lines") @RequestParam(required = false) Integer tailLines,
            @Parameter(description = "RFC 3339 time") @RequestParam(required = false) String sinceTime,
            @RequestParam(required = false) Integer sinceSeconds,
            @RequestParam(defaultValue = "false") boolean previous,
            @RequestParam(defaultValue = "false") boolean download) {
        String text = pods.logs(cluster, namespace, name, request(container, tailLines, sinceTime, sinceSeconds, previous));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN);
        if (download) {
            ok.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name
                    + (container == null ? "" : "-" + container) + ".log\"");
        }
        return ok.body(text);
    }

    @GetMapping(path = "/namespaces/{namespace}/pods/{name}/log/follow", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow a container's log live",
            description = "Server-sent events, one 'line' event per log line, 'end' when the stream closes.")
    SseEmitter follow(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String name,
            @RequestParam(required = false) String container, @RequestParam(required = false) Integer tailLines,
            @RequestParam(required = false) String sinceTime, @RequestParam(required = false) Integer sinceSeconds) {
        PodService.LogRequest request = request(container, tailLines == null ? 100 : tailLines, sinceTime,
                sinceSeconds, false);
        PodService.LogStream stream = pods.prepareFollow(cluster, namespace, name, request);
        SseEmitter emitter = new SseEmitter(0L);
        followers.submit(() -> {
            try {
                stream.follow(line -> {
                    try {
                        emitter.send(SseEmitter.event().name("line").data(line, MediaType.TEXT_PLAIN));
                    } catch (IOException e) {
                        throw new ClientGone(e);
                    }
                });
                emitter.send(SseEmitter.event().name("end").data("", MediaType.TEXT_PLAIN));
                emitter.complete();
            } catch (ClientGone e) {
                emitter.completeWithError(e.getCause());
            } catch (IOException | RuntimeException e) {
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    @GetMapping("/namespaces/{namespace}/events")
    @Operation(summary = "Events in a namespace, newest first",
            description = "kind and name narrow them to one object, e.g. kind=Pod&name=web-1.")
    List<EventSummary> events(@PathVariable String cluster, @PathVariable String namespace,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "200") int limit) {
        return pods.events(cluster, namespace, kind, name, Math.max(1, Math.min(limit, 1000)));
    }

    private static PodService.LogRequest request(String container, Integer tailLines, String sinceTime,
            Integer sinceSeconds, boolean previous) {
        Instant since = null;
        if (sinceTime != null && !sinceTime.isBlank()) {
            try {
                since = Instant.parse(sinceTime);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("sinceTime", "'" + sinceTime + "' is not an RFC 3339 time");
            }
        } else if (sinceSeconds != null) {
            if (sinceSeconds < 1) {
                throw ApiException.badRequest("sinceSeconds", "must be 1 or more");
            }
            since = Instant.now().minusSeconds(sinceSeconds);
        }
        return new PodService.LogRequest(container, tailLines, since, previous);
    }

    /** The client disconnected while a log was followed. */
    private static final class ClientGone extends RuntimeException {
        ClientGone(IOException cause) {
            super(cause);
        }
    }

    @Override
    public void destroy() {
        followers.shutdownNow();
    }
}
