package io.flotilla.resource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Workload operations: {@code kind} is deployments, statefulsets, daemonsets, jobs or cronjobs. */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}")
@Tag(name = "Workloads", description = "Deployments, StatefulSets, DaemonSets, Jobs and CronJobs")
class WorkloadController {

    private final WorkloadService workloads;
    private final WorkloadFormService forms;
    private final PodService pods;

    WorkloadController(WorkloadService workloads, WorkloadFormService forms, PodService pods) {
        this.workloads = workloads;
        this.forms = forms;
        this.pods = pods;
    }

    /** Body of scale. */
    record ScaleRequest(Integer replicas) {}

    /** Body of image update; {@code container} may be omitted for single-container workloads. */
    record ImageRequest(String container, String image) {}

    /** Body of rollback. */
    record RollbackRequest(Long revision) {}

    @GetMapping("/workloads")
    @Operation(summary = "List workloads with their state",
            description = "In one namespace, or every namespace you may list; kind filters to one kind.")
    List<WorkloadSummary> list(@PathVariable String cluster, @RequestParam(required = false) String namespace,
            @RequestParam(required = false) String kind) {
        return workloads.list(cluster, namespace, kind);
    }

    @GetMapping(path = "/workloads", params = "limit")
    @Operation(summary = "A page of workloads with their state",
            description = "Sorted by namespace, kind and name; name keeps those whose name contains it "
                    + "(case-insensitive); continue is the previous page's continueToken. Authorised like the list.")
    io.flotilla.platform.Page<WorkloadSummary> page(@PathVariable String cluster,
            @RequestParam(required = false) String namespace, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String name, @RequestParam Integer limit,
            @RequestParam(name = "continue", required = false) String continueToken) {
        return workloads.page(cluster, namespace, kind, name, limit, continueToken);
    }

    @PostMapping("/namespaces/{namespace}/workloads")
    @Operation(summary = "Create a Deployment, StatefulSet or DaemonSet from the form model",
            description = "Validated field by field before anything is written; an optional Service exposes chosen "
                    + "ports. 400 lists every invalid field.")
    ResponseEntity<WorkloadSummary> createFromForm(@PathVariable String cluster, @PathVariable String namespace,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "deployment with a service", value = ApiExamples.WORKLOAD_FORM))) @RequestBody WorkloadForm form) {
        return ResponseEntity.status(201).body(forms.create(cluster, namespace, form));
    }

    @GetMapping("/namespaces/{namespace}/workloads/{kind}/{name}/form")
    @Operation(summary = "A workload as the form model, for editing")
    WorkloadForm form(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String kind,
            @PathVariable String name) {
        return forms.read(cluster, namespace, WorkloadKind.of(kind), name);
    }

    @PutMapping("/namespaces/{namespace}/workloads/{kind}/{name}/form")
    @Operation(summary = "Update a workload from the form model",
            description = "Fields the form does not model are kept as they are in the cluster.")
    WorkloadSummary updateFromForm(@PathVariable String cluster, @PathVariable String namespace,
            @PathVariable String kind, @PathVariable String name, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "deployment with a service", value = ApiExamples.WORKLOAD_FORM))) @RequestBody WorkloadForm form) {
        return forms.update(cluster, namespace, WorkloadKind.of(kind), name, form);
    }

    @GetMapping("/namespaces/{namespace}/workloads/{kind}/{name}")
    @Operation(summary = "A workload's summary and state")
    WorkloadSummary get(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String kind,
            @PathVariable String name) {
        return workloads.get(cluster, namespace, WorkloadKind.of(kind), name);
    }

    @PostMapping("/namespaces/{namespace}/workloads/{kind}/{name}/scale")
    @Operation(summary = "Scale a Deployment or StatefulSet", description = "Body: {\"replicas\": 3}")
    WorkloadSummary scale(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String kind,
            @PathVariable String name, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example", value = ApiExamples.SCALE))) @RequestBody ScaleRequest body) {
        return workloads.scale(cluster, namespace, WorkloadKind.of(kind), name, body.replicas());
    }

    @PostMapping("/namespaces/{namespace}/workloads/{kind}/{name}/restart")
    @Operation(summary = "Rolling restart", description = "Stamps kubectl.kubernetes.io/restartedAt on the pod template.")
    WorkloadSummary restart(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String kind,
            @PathVariable String name) {
        return workloads.restart(cluster, namespace, WorkloadKind.of(kind), name);
    }

    @PostMapping("/namespaces/{namespace}/workloads/{kind}/{name}/image")
    @Operation(summary = "Update a container image", description = "Body: {\"container\": \"web\", \"image\": \"nginx:1.27\"}")
    WorkloadSummary image(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String kind,
            @PathVariable String name, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example", value = ApiExamples.IMAGE))) @RequestBody ImageRequest body) {
        return workloads.updateImage(cluster, namespace, WorkloadKind.of(kind), name, body.container(), body.image());
    }

    @PostMapping("/namespaces/{namespace}/workloads/{kind}/{name}/pause")
    @Operation(summary = "Pause a Deployment rollout, or suspend a CronJob")
    WorkloadSummary pause(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String kind,
            @PathVariable String name) {
        return workloads.pause(cluster, namespace, WorkloadKind.of(kind), name, true);
    }

    @PostMapping("/namespaces/{namespace}/workloads/{kind}/{name}/resume")
    @Operation(summary = "Resume a Deployment rollout, or a suspended CronJob")
    WorkloadSummary resume(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String kind,
            @PathVariable String name) {
        return workloads.pause(cluster, namespace, WorkloadKind.of(kind), name, false);
    }

    @GetMapping("/namespaces/{namespace}/workloads/{kind}/{name}/revisions")
    @Operation(summary = "Rollout history, newest first")
    List<Revision> revisions(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String kind,
            @PathVariable String name) {
        return workloads.revisions(cluster, namespace, WorkloadKind.of(kind), name);
    }

    @PostMapping("/namespaces/{namespace}/workloads/{kind}/{name}/rollback")
    @Operation(summary = "Roll back to a revision", description = "Body: {\"revision\": 2}")
    WorkloadSummary rollback(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String kind,
            @PathVariable String name, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example", value = ApiExamples.ROLLBACK))) @RequestBody RollbackRequest body) {
        return workloads.rollback(cluster, namespace, WorkloadKind.of(kind), name, body.revision());
    }

    @GetMapping("/namespaces/{namespace}/workloads/{kind}/{name}/pods")
    @Operation(summary = "Pods of a workload", description = "Through owner references.")
    List<PodSummary> pods(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String kind,
            @PathVariable String name) {
        return workloads.pods(cluster, namespace, WorkloadKind.of(kind), name);
    }

    @GetMapping("/namespaces/{namespace}/workloads/{kind}/{name}/events")
    @Operation(summary = "Events of a workload, newest first")
    List<EventSummary> events(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String kind,
            @PathVariable String name) {
        WorkloadKind k = WorkloadKind.of(kind);
        workloads.get(cluster, namespace, k, name);
        return pods.events(cluster, namespace, k.kind(), name, 200);
    }

    @PostMapping("/namespaces/{namespace}/workloads/cronjobs/{name}/trigger")
    @Operation(summary = "Run a CronJob now", description = "Creates a Job from its template.")
    Map<String, String> trigger(@PathVariable String cluster, @PathVariable String namespace,
            @PathVariable String name) {
        return Map.of("job", workloads.trigger(cluster, namespace, name));
    }

    @PostMapping("/namespaces/{namespace}/workloads/jobs/{name}/rerun")
    @Operation(summary = "Run a Job again", description = "Deletes it and creates it anew from its spec.")
    WorkloadSummary rerun(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String name) {
        return workloads.rerun(cluster, namespace, name);
    }
}
