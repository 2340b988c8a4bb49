package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.flotilla.iam.Authorization;
import io.flotilla.iam.Scope;
import io.flotilla.platform.ApiException;
import io.flotilla.platform.ApiException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Applies YAML or JSON (one or many documents) with server-side apply, field manager
 * {@code flotilla}. Every document is parsed, resolved and authorised before the first write; a
 * failure part-way reports which documents were applied, which failed and which were not tried.
 */
@Service
public class ApplyService {

    public static final String FIELD_MANAGER = "flotilla";

    private final Discovery discovery;
    private final ResourceService resources;
    private final Authorization authz;
    private final KubernetesSerialization json;

    ApplyService(Discovery discovery, ResourceService resources, Authorization authz, KubernetesSerialization json) {
        this.discovery = discovery;
        this.resources = resources;
        this.authz = authz;
        this.json = json;
    }

    private record Planned(Documents.Document doc, ResourceType type, String namespace, GenericKubernetesResource live) {}

    /** Thrown when a document failed after earlier ones were applied; carries the per-document report. */
    public static final class PartialApply extends ApiException {
        private final transient ApplyReport report;

        PartialApply(String detail, ApplyReport report) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "Apply incomplete", detail);
            this.report = report;
        }

        public ApplyReport report() {
            return report;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("documents", report.documents());
        }
    }

    public ApplyReport apply(String cluster, String body, String defaultNamespace, boolean dryRun) {
        List<Planned> plan = plan(cluster, body, defaultNamespace);
        List<ApplyReport.Item> items = new ArrayList<>();
        boolean failed = false;
        String failure = null;
        for (Planned p : plan) {
            Documents.Document d = p.doc();
            if (failed) {
                items.add(new ApplyReport.Item(d.index(), d.kind(), p.namespace(), d.name(), "skipped",
                        "not applied because document " + failureIndex(items) + " failed", List.of()));
                continue;
            }
            try {
                GenericKubernetesResource desired = json.convertValue(d.object(), GenericKubernetesResource.class);
                var op = resources.op(cluster, p.type(), p.namespace()).resource(desired);
                GenericKubernetesResource result = dryRun
                        ? op.dryRun().fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply()
                        : op.fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
                List<String> changes = p.live() == null ? List.of()
                        : ObjectDiff.paths(toMap(p.live()), toMap(result));
                String action = p.live() == null ? "created" : changes.isEmpty() ? "unchanged" : "configured";
                boolean shown = dryRun && !ResourceService.SECRETS.equals(p.type().qualifiedName());
                items.add(new ApplyReport.Item(d.index(), d.kind(), p.namespace(), d.name(), action, null, changes,
                        shown && p.live() != null ? forDiff(p.live()) : null, shown ? forDiff(result) : null));
            } catch (KubernetesClientException e) {
                failed = true;
                failure = KubeErrors.translate(cluster, e).getMessage();
                items.add(new ApplyReport.Item(d.index(), d.kind(), p.namespace(), d.name(), "failed", failure,
                        List.of()));
            }
        }
        ApplyReport report = new ApplyReport(dryRun, !failed, items);
        if (failed) {
            long applied = items.stream().filter(i -> !i.action().equals("failed") && !i.action().equals("skipped"))
                    .count();
            throw new PartialApply("document " + failureIndex(items) + " failed: " + failure + " (" + applied
                    + " earlier document(s) were applied; later ones were not tried)", report);
        }
        return report;
    }

    private List<Planned> plan(String cluster, String body, String defaultNamespace) {
        List<Documents.Document> docs = Documents.parse(body);
        List<FieldError> problems = new ArrayList<>();
        docs.stream().filter(d -> d.problem() != null)
                .forEach(d -> problems.add(new FieldError("documents[" + d.index() + "]", d.problem())));
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        List<Planned> plan = new ArrayList<>();
        for (Documents.Document d : docs) {
            String field = "documents[" + d.index() + "]";
            ResourceType type = discovery.byKind(cluster, d.apiVersion(), d.kind());
            if (type == null) {
                problems.add(new FieldError(field, "cluster '" + cluster + "' serves no kind " + d.kind() + " in "
                        + d.apiVersion()));
                continue;
            }
            String ns = null;
            if (type.namespaced()) {
                ns = d.namespace() != null ? d.namespace() : blankToNull(defaultNamespace);
                if (ns == null) {
                    problems.add(new FieldError(field, d.kind() + " '" + d.name() + "' is namespaced: set "
                            + "metadata.namespace or pass ?namespace="));
                    continue;
                }
                if (d.namespace() != null && defaultNamespace != null && !defaultNamespace.isBlank()
                        && !d.namespace().equals(defaultNamespace)) {
                    problems.add(new FieldError(field, "metadata.namespace '" + d.namespace()
                            + "' differs from the requested namespace '" + defaultNamespace + "'"));
                    continue;
                }
                d.metadata().put("namespace", ns);
            } else {
                d.metadata().remove("namespace");
            }
            plan.add(new Planned(d, type, ns, null));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        List<Planned> checked = new ArrayList<>();
        for (Planned p : plan) {
            GenericKubernetesResource live;
            try {
                live = resources.op(cluster, p.type(), p.namespace()).withName(p.doc().name()).get();
            } catch (KubernetesClientException e) {
                throw KubeErrors.translate(cluster, e);
            }
            authz.require(live == null ? "create" : "update", p.type().qualifiedName(),
                    Scope.of(cluster, p.namespace()), p.doc().name());
            checked.add(new Planned(p.doc(), p.type(), p.namespace(), live));
        }
        return checked;
    }

    /** The object as the console's diff shows it: without status and server bookkeeping. */
    private Map<String, Object> forDiff(GenericKubernetesResource o) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(toMap(o));
        m.remove("status");
        if (m.get("metadata") instanceof Map<?, ?> meta) {
            Map<Object, Object> copy = new java.util.LinkedHashMap<>(meta);
            copy.remove("managedFields");
            m.put("metadata", copy);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(GenericKubernetesResource o) {
        return json.convertValue(o, Map.class);
    }

    private static int failureIndex(List<ApplyReport.Item> items) {
        return items.stream().filter(i -> i.action().equals("failed")).map(ApplyReport.Item::index).findFirst()
                .orElse(0);
    }

    private static ApiException invalid(List<FieldError> problems) {
        String detail = problems.size() == 1 ? problems.getFirst().field() + " " + problems.getFirst().message()
                : problems.size() + " documents are invalid; nothing was applied";
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid documents", detail + (problems.size() == 1
                ? "; nothing was applied" : ""), problems);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
