package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.HasMetadata;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.flotilla.cluster.ClusterService;
import io.flotilla.iam.Authorization;
import io.flotilla.iam.Scope;
import io.flotilla.platform.ApiException;
import io.flotilla.platform.ApiException.FieldError;
import java.util.List;
import org.springframework.stereotype.Service;

/** Creates and edits workloads from the form model; the optional Service is created with the workload. */
@Service
public class WorkloadFormService {

    private final ClusterService clusters;
    private final Authorization authz;

    WorkloadFormService(ClusterService clusters, Authorization authz) {
        this.clusters = clusters;
        this.authz = authz;
    }

    public WorkloadSummary create(String cluster, String namespace, WorkloadForm submitted) {
        WorkloadForm form = inNamespace(submitted, namespace);
        check(form);
        WorkloadKind kind = WorkloadKind.of(form.kind());
        authz.require("create", kind.resource(), Scope.of(cluster, namespace), form.name());
        var service = WorkloadForms.service(form);
        if (service != null) {
            authz.require("create", "services", Scope.of(cluster, namespace), form.name());
        }
        KubernetesClient client = clusters.sharedClient(cluster);
        try {
            if (client.resources(kind.type()).inNamespace(namespace).withName(form.name()).get() != null) {
                throw ApiException.conflict(kind.kind() + " '" + form.name() + "' already exists in namespace '"
                        + namespace + "'");
            }
            if (service != null && client.services().inNamespace(namespace).withName(form.name()).get() != null) {
                throw ApiException.conflict("a Service named '" + form.name() + "' already exists in namespace '"
                        + namespace + "'; choose another name or remove the service from the form");
            }
            HasMetadata created = client.resource(WorkloadForms.apply(form, null)).create();
            if (service != null) {
                try {
                    client.services().inNamespace(namespace).resource(service).create();
                } catch (KubernetesClientException e) {
                    client.resource(created).delete();
                    throw e;
                }
            }
            return Workloads.summarize(created);
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    public WorkloadForm read(String cluster, String namespace, WorkloadKind kind, String name) {
        return WorkloadForms.read(load(cluster, namespace, kind, name, "get"));
    }

    /** Applies the form onto the live object (keeping what the form does not model) and replaces it. */
    public WorkloadSummary update(String cluster, String namespace, WorkloadKind kind, String name,
            WorkloadForm submitted) {
        WorkloadForm form = inNamespace(submitted, namespace);
        check(form);
        if (!name.equals(form.name()) || WorkloadKind.of(form.kind()) != kind) {
            throw ApiException.badRequest("name", "the form describes " + form.kind() + "/" + form.name()
                    + " but the URL names " + kind.plural() + "/" + name);
        }
        HasMetadata live = load(cluster, namespace, kind, name, "update");
        try {
            return Workloads.summarize(clusters.sharedClient(cluster).resource(WorkloadForms.apply(form, live)).update());
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    private HasMetadata load(String cluster, String namespace, WorkloadKind kind, String name, String verb) {
        authz.require(verb, kind.resource(), Scope.of(cluster, namespace), name);
        if (kind != WorkloadKind.DEPLOYMENTS && kind != WorkloadKind.STATEFULSETS && kind != WorkloadKind.DAEMONSETS) {
            throw ApiException.badRequest("kind", kind.kind() + " has no form; edit it as YAML");
        }
        HasMetadata found;
        try {
            found = clusters.sharedClient(cluster).resources(kind.type()).inNamespace(namespace).withName(name).get();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
        if (found == null) {
            throw ApiException.notFound(kind.kind() + " '" + name + "' in namespace '" + namespace + "'");
        }
        return found;
    }

    private static void check(WorkloadForm form) {
        List<FieldError> errors = WorkloadFormValidator.validate(form);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static WorkloadForm inNamespace(WorkloadForm f, String namespace) {
        if (f.namespace() != null && !f.namespace().equals(namespace)) {
            throw ApiException.badRequest("namespace", "'" + f.namespace() + "' differs from the namespace in the URL");
        }
        return new WorkloadForm(f.kind(), f.name(), namespace, f.replicas(), f.labels(), f.annotations(),
                f.containers(), f.volumes(), f.strategy(), f.nodeSelector(), f.tolerations(), f.requiredNodeAffinity(),
                f.service());
    }
}
