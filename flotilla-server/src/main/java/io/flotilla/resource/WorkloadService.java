package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.flotilla.cluster.ClusterService;
import io.flotilla.iam.Authorization;
import io.flotilla.iam.Listable;
import io.flotilla.iam.Scope;
import io.flotilla.platform.ApiException;
import io.flotilla.platform.ContinueToken;
import io.flotilla.platform.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Daily operations on workloads: list with state, scale, restart, update image, pause/resume,
 * revision history and roll back, pods of a workload, CronJob suspend/resume/trigger, Job rerun.
 */
@Service
public class WorkloadService {

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    private final ClusterService clusters;
    private final Authorization authz;
    private final KubernetesSerialization json;
    private final Clock clock;

    WorkloadService(ClusterService clusters, Authorization authz, KubernetesSerialization json, Clock clock) {
        this.clusters = clusters;
        this.authz = authz;
        this.json = json;
        this.clock = clock;
    }

    /** Workloads of the given kinds (all when null) in a namespace, or in every namespace the caller may list. */
    public List<WorkloadSummary> list(String cluster, String namespace, String kindFilter) {
        List<WorkloadKind> kinds = kindFilter == null || kindFilter.isBlank() ? List.of(WorkloadKind.values())
                : List.of(WorkloadKind.of(kindFilter));
        KubernetesClient client = clusters.sharedClient(cluster);
        List<WorkloadSummary> out = new ArrayList<>();
        try {
            for (WorkloadKind kind : kinds) {
                for (String ns : namespaces(cluster, namespace, kind)) {
                    List<? extends HasMetadata> items = ns == null
                            ? client.resources(kind.type()).inAnyNamespace().list().getItems()
                            : client.resources(kind.type()).inNamespace(ns).list().getItems();
                    items.forEach(w -> out.add(Workloads.summarize(w)));
                }
            }
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
        out.sort(Comparator.comparing(WorkloadSummary::namespace).thenComparing(WorkloadSummary::kind)
                .thenComparing(WorkloadSummary::name));
        return out;
    }

    /**
     * A page of {@link #list}: optionally only names containing {@code name} (case-insensitive), sorted by
     * namespace, kind and name, {@code limit} (default 50, at most 500) after the {@code continue} token.
     */
    public Page<WorkloadSummary> page(String cluster, String namespace, String kindFilter, String name, Integer limit,
            String continueToken) {
        int size = ContinueToken.limit(limit, 50, 500);
        String after = continueToken == null || continueToken.isBlank() ? null : ContinueToken.decode(continueToken);
        if (after != null && after.split("/", -1).length != 3) {
            throw ApiException.badRequest("continue", "is not a continue token of this list; start again without it");
        }
        return page(list(cluster, namespace, kindFilter), name, after, size);
    }

    /** Keyset paging over a list sorted by namespace, kind, name; {@code after} is "namespace/kind/name". Pure. */
    static Page<WorkloadSummary> page(List<WorkloadSummary> sorted, String name, String after, int limit) {
        String needle = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
        String[] key = after == null ? null : after.split("/", -1);
        List<WorkloadSummary> items = new ArrayList<>();
        String next = null;
        for (WorkloadSummary w : sorted) {
            if (!needle.isEmpty() && !w.name().toLowerCase(java.util.Locale.ROOT).contains(needle)) {
                continue;
            }
            if (key != null && compare(w, key) <= 0) {
                continue;
            }
            if (items.size() == limit) {
                WorkloadSummary last = items.get(items.size() - 1);
                next = ContinueToken.encode(last.namespace() + "/" + last.kind() + "/" + last.name());
                break;
            }
            items.add(w);
        }
        return new Page<>(items, next);
    }

    private static int compare(WorkloadSummary w, String[] key) {
        int c = w.namespace().compareTo(key[0]);
        if (c == 0) {
            c = w.kind().compareTo(key[1]);
        }
        return c == 0 ? w.name().compareTo(key[2]) : c;
    }

    public WorkloadSummary get(String cluster, String namespace, WorkloadKind kind, String name) {
        return Workloads.summarize(load(cluster, namespace, kind, name, "get"));
    }

    public WorkloadSummary scale(String cluster, String namespace, WorkloadKind kind, String name, Integer replicas) {
        if (!kind.scalable()) {
            throw ApiException.badRequest("kind", kind.kind() + " cannot be scaled; scale Deployments or StatefulSets");
        }
        if (replicas == null || replicas < 0) {
            throw ApiException.badRequest("replicas", "must be 0 or more");
        }
        load(cluster, namespace, kind, name, "update");
        try {
            resource(cluster, namespace, kind, name).scale(replicas);
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
        return get(cluster, namespace, kind, name);
    }

    /** Rolling restart: stamps the pod template with {@code kubectl.kubernetes.io/restartedAt}, as kubectl does. */
    public WorkloadSummary restart(String cluster, String namespace, WorkloadKind kind, String name) {
        requireTemplated(kind, "restarted");
        String now = clock.instant().toString();
        return edit(cluster, namespace, kind, name, w -> {
            PodTemplateSpec t = template(w);
            if (t.getMetadata() == null) {
                t.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
            }
            if (t.getMetadata().getAnnotations() == null) {
                t.getMetadata().setAnnotations(new HashMap<>());
            }
            t.getMetadata().getAnnotations().put(RESTARTED_AT, now);
            return w;
        });
    }

    /** Sets the image of one container (the only one when {@code container} is null). */
    public WorkloadSummary updateImage(String cluster, String namespace, WorkloadKind kind, String name,
            String container, String image) {
        if (image == null || image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            throw ApiException.badRequest("image", "must be an image reference without spaces, e.g. nginx:1.27");
        }
        HasMetadata current = load(cluster, namespace, kind, name, "update");
        List<Container> containers = Workloads.podSpec(current).getContainers();
        String target = container;
        if (target == null || target.isBlank()) {
            if (containers.size() != 1) {
                throw ApiException.badRequest("container", "the workload has " + containers.size()
                        + " containers; name one of " + containers.stream().map(Container::getName).toList());
            }
            target = containers.getFirst().getName();
        }
        String chosen = target;
        if (containers.stream().noneMatch(c -> c.getName().equals(chosen))) {
            throw ApiException.badRequest("container", "no container '" + chosen + "'; the workload has "
                    + containers.stream().map(Container::getName).toList());
        }
        return edit(cluster, namespace, kind, name, w -> {
            Workloads.podSpec(w).getContainers().stream().filter(c -> c.getName().equals(chosen))
                    .forEach(c -> c.setImage(image.strip()));
            return w;
        });
    }

    /** Pauses or resumes a Deployment's rollout; suspends or resumes a CronJob. */
    public WorkloadSummary pause(String cluster, String namespace, WorkloadKind kind, String name, boolean paused) {
        return switch (kind) {
            case DEPLOYMENTS -> edit(cluster, namespace, kind, name, w -> {
                ((Deployment) w).getSpec().setPaused(paused);
                return w;
            });
            case CRONJOBS -> edit(cluster, namespace, kind, name, w -> {
                ((CronJob) w).getSpec().setSuspend(paused);
                return w;
            });
            default -> throw ApiException.badRequest("kind", kind.kind()
                    + " cannot be paused: pause Deployments (rollouts) or suspend CronJobs");
        };
    }

    /** Rollout history, newest first. */
    public List<Revision> revisions(String cluster, String namespace, WorkloadKind kind, String name) {
        HasMetadata w = load(cluster, namespace, kind, name, "get");
        KubernetesClient client = clusters.sharedClient(cluster);
        try {
            return switch (kind) {
                case DEPLOYMENTS -> {
                    String current = annotation(w, REVISION);
                    yield ownedReplicaSets(client, w).stream()
                            .filter(rs -> annotation(rs, REVISION) != null)
                            .map(rs -> new Revision(Long.parseLong(annotation(rs, REVISION)), rs.getMetadata().getName(),
                                    images(rs.getSpec().getTemplate()), created(rs),
                                    annotation(rs, REVISION).equals(current), withoutHash(rs.getSpec().getTemplate())))
                            .sorted(Comparator.comparingLong(Revision::revision).reversed()).toList();
                }
                case STATEFULSETS, DAEMONSETS -> {
                    List<ControllerRevision> revs = ownedRevisions(client, w);
                    long newest = revs.stream().mapToLong(r -> r.getRevision() == null ? 0 : r.getRevision()).max()
                            .orElse(0);
                    yield revs.stream().map(r -> {
                                PodTemplateSpec template = revisionTemplate(r);
                                return new Revision(r.getRevision() == null ? 0 : r.getRevision(),
                                        r.getMetadata().getName(), images(template), created(r),
                                        r.getRevision() != null && r.getRevision() == newest, template);
                            })
                            .sorted(Comparator.comparingLong(Revision::revision).reversed()).toList();
                }
                default -> throw ApiException.badRequest("kind", kind.kind() + " has no rollout history");
            };
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    /** Rolls back to a revision from the history: its pod template becomes the workload's again. */
    public WorkloadSummary rollback(String cluster, String namespace, WorkloadKind kind, String name, Long revision) {
        if (revision == null || revision < 1) {
            throw ApiException.badRequest("revision", "give the revision number to roll back to (see /revisions)");
        }
        List<Revision> history = revisions(cluster, namespace, kind, name);
        Revision target = history.stream().filter(r -> r.revision() == revision).findFirst()
                .orElseThrow(() -> ApiException.badRequest("revision", "revision " + revision + " does not exist; "
                        + "available: " + history.stream().map(r -> String.valueOf(r.revision())).toList()));
        if (target.current()) {
            throw ApiException.badRequest("revision", "revision " + revision + " is already the current one");
        }
        KubernetesClient client = clusters.sharedClient(cluster);
        PodTemplateSpec template;
        try {
            template = kind == WorkloadKind.DEPLOYMENTS
                    ? client.apps().replicaSets().inNamespace(namespace).withName(target.source()).get().getSpec()
                            .getTemplate()
                    : revisionTemplate(client.apps().controllerRevisions().inNamespace(namespace)
                            .withName(target.source()).get());
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
        if (template == null) {
            throw ApiException.badRequest("revision", "revision " + revision + " holds no pod template");
        }
        if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
            template.getMetadata().getLabels().remove("pod-template-hash");
        }
        PodTemplateSpec restored = template;
        return edit(cluster, namespace, kind, name, w -> {
            switch (w) {
                case Deployment d -> d.getSpec().setTemplate(restored);
                case StatefulSet s -> s.getSpec().setTemplate(restored);
                case DaemonSet d -> d.getSpec().setTemplate(restored);
                default -> throw new IllegalStateException("not rollable");
            }
            return w;
        });
    }

    /** Pods of a workload, found through owner references (Deployment → ReplicaSet → Pod, CronJob → Job → Pod). */
    public List<PodSummary> pods(String cluster, String namespace, WorkloadKind kind, String name) {
        HasMetadata w = load(cluster, namespace, kind, name, "get");
        authz.require("list", "pods", Scope.of(cluster, namespace), null);
        KubernetesClient client = clusters.sharedClient(cluster);
        try {
            Set<String> owners = switch (kind) {
                case DEPLOYMENTS -> ownedReplicaSets(client, w).stream().map(rs -> rs.getMetadata().getUid())
                        .collect(Collectors.toSet());
                case CRONJOBS -> client.batch().v1().jobs().inNamespace(namespace).list().getItems().stream()
                        .filter(j -> ownedBy(j, w.getMetadata().getUid())).map(j -> j.getMetadata().getUid())
                        .collect(Collectors.toSet());
                default -> Set.of(w.getMetadata().getUid());
            };
            return client.pods().inNamespace(namespace).list().getItems().stream()
                    .filter(p -> p.getMetadata().getOwnerReferences() != null && p.getMetadata().getOwnerReferences()
                            .stream().anyMatch(o -> owners.contains(o.getUid())))
                    .map(PodSummary::of)
                    .sorted(Comparator.comparing(PodSummary::name))
                    .toList();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    /** Creates a Job from a CronJob's template now, as {@code kubectl create job --from=cronjob/x} does. */
    public String trigger(String cluster, String namespace, String name) {
        CronJob cj = (CronJob) load(cluster, namespace, WorkloadKind.CRONJOBS, name, "get");
        authz.require("create", WorkloadKind.JOBS.resource(), Scope.of(cluster, namespace), null);
        String jobName = truncate(name + "-manual-" + clock.instant().getEpochSecond(), 63);
        Job job = new Job();
        job.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(jobName).withNamespace(namespace)
                .withLabels(cj.getSpec().getJobTemplate().getMetadata() == null ? null
                        : cj.getSpec().getJobTemplate().getMetadata().getLabels())
                .addToAnnotations("cronjob.kubernetes.io/instantiate", "manual")
                .addToOwnerReferences(new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
                        .withApiVersion("batch/v1").withKind("CronJob").withName(name)
                        .withUid(cj.getMetadata().getUid()).withController(true).build())
                .build());
        job.setSpec(cj.getSpec().getJobTemplate().getSpec());
        try {
            clusters.sharedClient(cluster).batch().v1().jobs().inNamespace(namespace).resource(job).create();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
        return jobName;
    }

    /** Runs a Job again: deletes it and creates it anew from the same spec (without generated selector labels). */
    public WorkloadSummary rerun(String cluster, String namespace, String name) {
        Job old = (Job) load(cluster, namespace, WorkloadKind.JOBS, name, "update");
        authz.require("delete", WorkloadKind.JOBS.resource(), Scope.of(cluster, namespace), name);
        Job fresh = new Job();
        fresh.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace(namespace)
                .withLabels(old.getMetadata().getLabels()).withAnnotations(old.getMetadata().getAnnotations()).build());
        fresh.setSpec(old.getSpec());
        fresh.getSpec().setSelector(null);
        Map<String, String> templateLabels = fresh.getSpec().getTemplate().getMetadata() == null ? null
                : fresh.getSpec().getTemplate().getMetadata().getLabels();
        if (templateLabels != null) {
            templateLabels.keySet().removeIf(k -> k.equals("controller-uid") || k.equals("batch.kubernetes.io/controller-uid")
                    || k.equals("job-name") || k.equals("batch.kubernetes.io/job-name"));
        }
        KubernetesClient client = clusters.sharedClient(cluster);
        try {
            client.batch().v1().jobs().inNamespace(namespace).withName(name)
                    .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.FOREGROUND).delete();
            client.batch().v1().jobs().inNamespace(namespace).withName(name)
                    .waitUntilCondition(j -> j == null, 30, java.util.concurrent.TimeUnit.SECONDS);
            client.batch().v1().jobs().inNamespace(namespace).resource(fresh).create();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
        return get(cluster, namespace, WorkloadKind.JOBS, name);
    }

    List<String> namespaces(String cluster, String namespace, WorkloadKind kind) {
        if (namespace != null && !namespace.isBlank()) {
            authz.require("list", kind.resource(), Scope.of(cluster, namespace), null);
            return List.of(namespace);
        }
        Listable visible = authz.listable(authz.current(), kind.resource(), "list");
        if (visible.allows(cluster, null)) {
            List<String> all = new ArrayList<>();
            all.add(null);
            return all;
        }
        return visible.namespaces().getOrDefault(cluster, Set.of()).stream().sorted().toList();
    }

    private HasMetadata load(String cluster, String namespace, WorkloadKind kind, String name, String verb) {
        authz.require(verb, kind.resource(), Scope.of(cluster, namespace), name);
        HasMetadata found;
        try {
            found = resource(cluster, namespace, kind, name).get();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
        if (found == null) {
            throw ApiException.notFound(kind.kind() + " '" + name + "' in namespace '" + namespace + "' of cluster '"
                    + cluster + "'");
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private Resource<HasMetadata> resource(String cluster, String namespace, WorkloadKind kind, String name) {
        return (Resource<HasMetadata>) clusters.sharedClient(cluster).resources(kind.type()).inNamespace(namespace)
                .withName(name);
    }

    private WorkloadSummary edit(String cluster, String namespace, WorkloadKind kind, String name,
            UnaryOperator<HasMetadata> change) {
        load(cluster, namespace, kind, name, "update");
        try {
            return Workloads.summarize(resource(cluster, namespace, kind, name).edit(change));
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    private static void requireTemplated(WorkloadKind kind, String what) {
        if (kind == WorkloadKind.JOBS || kind == WorkloadKind.CRONJOBS) {
            throw ApiException.badRequest("kind", kind.kind() + " cannot be " + what
                    + "; this works for Deployments, StatefulSets and DaemonSets");
        }
    }

    private static PodTemplateSpec template(HasMetadata w) {
        return switch (w) {
            case Deployment d -> d.getSpec().getTemplate();
            case StatefulSet s -> s.getSpec().getTemplate();
            case DaemonSet d -> d.getSpec().getTemplate();
            default -> throw new IllegalStateException("no pod template");
        };
    }

    private static List<ReplicaSet> ownedReplicaSets(KubernetesClient client, HasMetadata w) {
        return client.apps().replicaSets().inNamespace(w.getMetadata().getNamespace()).list().getItems().stream()
                .filter(rs -> ownedBy(rs, w.getMetadata().getUid())).toList();
    }

    private static List<ControllerRevision> ownedRevisions(KubernetesClient client, HasMetadata w) {
        return client.apps().controllerRevisions().inNamespace(w.getMetadata().getNamespace()).list().getItems()
                .stream().filter(r -> ownedBy(r, w.getMetadata().getUid())).toList();
    }

    private static boolean ownedBy(HasMetadata o, String uid) {
        List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
        return refs != null && refs.stream().anyMatch(r -> uid.equals(r.getUid()));
    }

    @SuppressWarnings("unchecked")
    private PodTemplateSpec revisionTemplate(ControllerRevision r) {
        if (r == null || r.getData() == null) {
            return null;
        }
        Map<String, Object> data = json.convertValue(r.getData(), Map.class);
        if (data.get("spec") instanceof Map<?, ?> spec && spec.get("template") instanceof Map<?, ?> template) {
            Map<String, Object> copy = new HashMap<>((Map<String, Object>) template);
            copy.remove("$patch");
            return json.convertValue(copy, PodTemplateSpec.class);
        }
        return null;
    }

    /** A copy of a ReplicaSet's pod template without the label the Deployment controller adds to it. */
    private static PodTemplateSpec withoutHash(PodTemplateSpec t) {
        if (t == null) {
            return null;
        }
        PodTemplateSpec copy = new io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder(t).build();
        if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
            Map<String, String> labels = new java.util.LinkedHashMap<>(copy.getMetadata().getLabels());
            labels.remove("pod-template-hash");
            copy.getMetadata().setLabels(labels);
        }
        return copy;
    }

    private static List<String> images(PodTemplateSpec t) {
        return t == null || t.getSpec() == null ? List.of()
                : t.getSpec().getContainers().stream().map(Container::getImage).toList();
    }

    private static String annotation(HasMetadata o, String key) {
        return o.getMetadata().getAnnotations() == null ? null : o.getMetadata().getAnnotations().get(key);
    }

    private static Instant created(HasMetadata o) {
        return o.getMetadata().getCreationTimestamp() == null ? null : Instant.parse(o.getMetadata().getCreationTimestamp());
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

}
