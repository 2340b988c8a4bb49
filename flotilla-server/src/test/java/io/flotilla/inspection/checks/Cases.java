package io.flotilla.inspection.checks;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** For every check id: a change to the clean {@link Fixture} that must make exactly that check fire. */
final class Cases {

    static final Map<String, Consumer<Fixture>> ALL = new LinkedHashMap<>();

    private Cases() {}

    private static void on(String id, Consumer<Fixture> change) {
        if (ALL.put(id, change) != null) {
            throw new IllegalStateException("two cases for " + id);
        }
    }

    private static void rule(Fixture f, List<String> resources, List<String> verbs) {
        f.get(Role.class, "config-reader").setRules(List.of(new PolicyRule(List.of(""), List.of(), List.of(), resources, verbs)));
    }

    private static void subject(Fixture f, String kind, String name, String namespace) {
        f.get(RoleBinding.class, "web-config-reader").setSubjects(List.of(new Subject(
                "ServiceAccount".equals(kind) ? null : "rbac.authorization.k8s.io", kind, name, namespace)));
    }

    private static void nodeCondition(Fixture f, String type, String status) {
        List<NodeCondition> conds = new ArrayList<>(f.node("worker-1").getStatus().getConditions());
        conds.removeIf(c -> c.getType().equals(type));
        conds.add(new NodeCondition(null, null, null, null, status, type));
        f.node("worker-1").getStatus().setConditions(conds);
    }

    private static void waiting(Fixture f, String reason) {
        ContainerStatus s = f.pod().getStatus().getContainerStatuses().getFirst();
        s.getState().setRunning(null);
        s.getState().setWaiting(new ContainerStateWaiting("back-off restarting", reason));
    }

    private static void webhook(Fixture f, Consumer<io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook> change) {
        change.accept(f.get(ValidatingWebhookConfiguration.class, "policy").getWebhooks().getFirst());
    }

    private static String workload(String kind, String apiVersion, String name, String ns) {
        return """
                apiVersion: %s
                kind: %s
                metadata: {name: %s, namespace: %s}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s, app.kubernetes.io/name: %s}}
                """.formatted(apiVersion, kind, name, ns, name, name, name);
    }

    private static Pod copyPod(Fixture f, String name) {
        Pod p = Fixture.JSON.clone(f.pod());
        p.getMetadata().setName(name);
        p.getMetadata().setUid("uid-" + name);
        return p;
    }

    static {
        // cluster
        on("CL-001", f -> f.version = "v1.29.4");
        on("CL-002", f -> f.version = null);
        on("CL-003", f -> f.version = "v1.35.0-rc.1");
        on("CL-004", f -> f.node("worker-1").getStatus().getNodeInfo().setKubeletVersion("v1.36.0"));
        on("CL-005", f -> f.node("worker-1").getStatus().getNodeInfo().setKubeletVersion("v1.31.0"));
        on("CL-006", f -> f.node("worker-1").getStatus().getNodeInfo().setKubeletVersion("v1.34.2"));
        on("CL-007", f -> f.web().getMetadata().setAnnotations(Map.of("kubectl.kubernetes.io/last-applied-configuration",
                "{\"apiVersion\":\"extensions/v1beta1\",\"kind\":\"Deployment\"}")));
        on("CL-008", f -> {
            f.version = "v1.25.3";
            f.get(HorizontalPodAutoscaler.class, "web").getMetadata().setAnnotations(Map.of(
                    "kubectl.kubernetes.io/last-applied-configuration", "{\"apiVersion\":\"autoscaling/v2beta2\"}"));
        });
        on("CL-009", f -> f.apiVersions.add("policy/v1beta1"));
        on("CL-010", f -> f.get(Namespace.class, "shop").getMetadata().setDeletionTimestamp("2026-12-01T09:00:00Z"));
        on("CL-011", f -> f.add("""
                apiVersion: certificates.k8s.io/v1
                kind: CertificateSigningRequest
                metadata: {name: node-csr-1, creationTimestamp: "2026-12-01T08:00:00Z"}
                spec: {request: "eA==", signerName: kubernetes.io/kube-apiserver-client-kubelet, usages: [client auth]}
                """));
        on("CL-020", f -> webhook(f, w -> {
            w.setFailurePolicy("Fail");
            w.getClientConfig().getService().setName("gone");
        }));
        on("CL-021", f -> webhook(f, w -> w.setTimeoutSeconds(30)));
        on("CL-022", f -> webhook(f, w -> {
            w.setFailurePolicy("Fail");
            w.setNamespaceSelector(null);
        }));
        on("CL-023", f -> f.now = Instant.parse("2037-01-01T00:00:00Z"));

        // control plane
        on("CP-001", f -> f.readyz = "[+]ping ok\n[-]poststarthook/rbac/bootstrap-roles failed: not finished\n[+]etcd ok\n");
        on("CP-002", f -> f.readyz = "[+]ping ok\n[-]etcd failed: reason withheld\n");
        on("CP-003", f -> f.readyz = null);
        on("CP-004", f -> f.get(Pod.class, "kube-apiserver-cp-1").getStatus().getConditions().getFirst().setStatus("False"));
        on("CP-005", f -> {
            f.remove(Pod.class, "etcd-cp-2");
            f.remove(Pod.class, "etcd-cp-3");
        });
        on("CP-006", f -> {
            f.remove(Pod.class, "kube-apiserver-cp-2");
            f.remove(Pod.class, "kube-apiserver-cp-3");
        });
        on("CP-010", f -> f.flag("kube-apiserver", "anonymous-auth", "true"));
        on("CP-011", f -> f.flag("kube-apiserver", "token-auth-file", "/etc/tokens.csv"));
        on("CP-012", f -> f.flag("kube-apiserver", "kubelet-client-key", null));
        on("CP-013", f -> f.flag("kube-apiserver", "kubelet-certificate-authority", null));
        on("CP-014", f -> f.flag("kube-apiserver", "authorization-mode", "Node,RBAC,AlwaysAllow"));
        on("CP-015", f -> f.flag("kube-apiserver", "authorization-mode", "RBAC"));
        on("CP-016", f -> f.flag("kube-apiserver", "authorization-mode", "Node,Webhook"));
        on("CP-017", f -> f.flag("kube-apiserver", "enable-admission-plugins", "NodeRestriction,AlwaysAdmit"));
        on("CP-018", f -> f.flag("kube-apiserver", "enable-admission-plugins", "PodSecurity"));
        on("CP-019", f -> f.flag("kube-apiserver", "profiling", null));
        on("CP-020", f -> f.flag("kube-apiserver", "audit-log-path", null));
        on("CP-021", f -> f.flag("kube-apiserver", "audit-log-maxage", "7"));
        on("CP-022", f -> f.flag("kube-apiserver", "service-account-lookup", "false"));
        on("CP-023", f -> f.flag("kube-apiserver", "encryption-provider-config", null));
        on("CP-024", f -> f.flag("kube-apiserver", "tls-cert-file", null));
        on("CP-025", f -> f.flag("kube-apiserver", "etcd-certfile", null));
        on("CP-030", f -> f.flag("kube-controller-manager", "profiling", "true"));
        on("CP-031", f -> f.flag("kube-controller-manager", "use-service-account-credentials", null));
        on("CP-032", f -> f.flag("kube-controller-manager", "terminated-pod-gc-threshold", null));
        on("CP-033", f -> f.flag("kube-controller-manager", "bind-address", "0.0.0.0"));
        on("CP-034", f -> f.flag("kube-controller-manager", "service-account-private-key-file", null));
        on("CP-035", f -> f.flag("kube-scheduler", "profiling", "true"));
        on("CP-036", f -> f.flag("kube-scheduler", "bind-address", "0.0.0.0"));
        on("CP-037", f -> f.flag("etcd", "cert-file", null));
        on("CP-038", f -> f.flag("etcd", "client-cert-auth", "false"));
        on("CP-039", f -> f.flag("etcd", "auto-tls", "true"));
        on("CP-040", f -> f.flag("etcd", "peer-client-cert-auth", null));

        // nodes
        on("ND-001", f -> nodeCondition(f, "Ready", "False"));
        on("ND-002", f -> nodeCondition(f, "Ready", "Unknown"));
        on("ND-003", f -> nodeCondition(f, "MemoryPressure", "True"));
        on("ND-004", f -> nodeCondition(f, "DiskPressure", "True"));
        on("ND-005", f -> nodeCondition(f, "PIDPressure", "True"));
        on("ND-006", f -> nodeCondition(f, "NetworkUnavailable", "True"));
        on("ND-007", f -> f.node("worker-1").getSpec().setUnschedulable(true));
        on("ND-008", f -> f.pod().getSpec().getContainers().getFirst().getResources().getRequests().put("cpu", new Quantity("3900m")));
        on("ND-009", f -> f.pod().getSpec().getContainers().getFirst().getResources().getRequests().put("memory", new Quantity("15Gi")));
        on("ND-010", f -> f.pod().getSpec().getContainers().getFirst().getResources().getLimits().put("memory", new Quantity("17Gi")));
        on("ND-011", f -> f.pod().getSpec().getContainers().getFirst().getResources().getLimits().put("cpu", new Quantity("9")));
        on("ND-012", f -> f.node("worker-1").getStatus().setAllocatable(new HashMap<>(Map.of("cpu", new Quantity("4"),
                "memory", new Quantity("16Gi"), "pods", new Quantity("1")))));
        on("ND-013", f -> f.node("worker-2").getMetadata().getLabels().put("kubernetes.io/arch", "arm64"));
        on("ND-014", f -> f.node("worker-2").getMetadata().getLabels().put("kubernetes.io/os", "windows"));
        on("ND-015", f -> f.node("worker-1").getStatus().getNodeInfo().setContainerRuntimeVersion("docker://20.10.24"));
        on("ND-016", f -> f.node("worker-1").getStatus().getConditions().getFirst().setLastHeartbeatTime("2026-12-01T11:00:00Z"));
        on("ND-017", f -> f.node("worker-2").getMetadata().getLabels().remove("topology.kubernetes.io/zone"));
        on("ND-018", f -> f.node("worker-2").getMetadata().getLabels().put("topology.kubernetes.io/zone", "zone-a"));
        on("ND-019", f -> f.node("cp-1").getSpec().setTaints(null));
        on("ND-020", f -> f.get(Pod.class, "web-5d8f-b").getSpec().setNodeName("worker-1"));

        // workloads: template
        on("WL-001", f -> f.c().getResources().getRequests().remove("cpu"));
        on("WL-002", f -> f.c().getResources().getRequests().remove("memory"));
        on("WL-003", f -> f.c().getResources().getLimits().remove("memory"));
        on("WL-004", f -> f.c().getResources().getLimits().remove("cpu"));
        on("WL-005", f -> f.c().setReadinessProbe(null));
        on("WL-006", f -> f.c().setLivenessProbe(null));
        on("WL-007", f -> f.c().setLivenessProbe(f.c().getReadinessProbe()));
        on("WL-008", f -> f.web().getSpec().setReplicas(1));
        on("WL-009", f -> f.c().setImage("registry.example.com/shop/web:latest"));
        on("WL-010", f -> f.c().setImage("registry.example.com/shop/web"));
        on("WL-011", f -> f.c().setImagePullPolicy("Never"));
        on("WL-012", f -> f.c().setEnv(List.of(new EnvVar("MODE", "a", null), new EnvVar("MODE", "b", null))));
        on("WL-013", f -> f.spec().setTerminationGracePeriodSeconds(0L));
        on("WL-014", f -> {
            Pod p = copyPod(f, "debug");
            p.getMetadata().setOwnerReferences(null);
            f.objects.add(p);
        });
        on("WL-015", f -> f.web().getSpec().setStrategy(new DeploymentStrategy(null, "Recreate")));
        on("WL-016", f -> f.web().getSpec().setRevisionHistoryLimit(0));
        on("WL-017", f -> f.spec().setPriorityClassName("system-cluster-critical"));
        on("WL-018", f -> f.spec().setTopologySpreadConstraints(null));
        on("WL-019", f -> f.get(CronJob.class, "report").getSpec().setConcurrencyPolicy("Allow"));
        // workloads: runtime
        on("WL-020", f -> f.pod().getStatus().getContainerStatuses().getFirst().setRestartCount(12));
        on("WL-021", f -> waiting(f, "CrashLoopBackOff"));
        on("WL-022", f -> waiting(f, "ImagePullBackOff"));
        on("WL-023", f -> {
            f.pod().getStatus().setPhase("Pending");
            f.pod().getStatus().setContainerStatuses(List.of());
            PodCondition scheduled = new PodCondition();
            scheduled.setType("PodScheduled");
            scheduled.setStatus("False");
            scheduled.setReason("Unschedulable");
            scheduled.setMessage("0/3 nodes are available: 3 Insufficient cpu.");
            f.pod().getStatus().setConditions(List.of(scheduled));
        });
        on("WL-024", f -> {
            f.pod().getStatus().setPhase("Failed");
            f.pod().getStatus().setReason("Error");
        });
        on("WL-025", f -> {
            ContainerStateTerminated oom = new ContainerStateTerminated();
            oom.setExitCode(137);
            oom.setReason("OOMKilled");
            f.pod().getStatus().getContainerStatuses().getFirst().setLastState(
                    new io.fabric8.kubernetes.api.model.ContainerState(null, oom, null));
        });
        on("WL-026", f -> f.pod().getStatus().getConditions().getFirst().setStatus("False"));
        on("WL-027", f -> f.pod().getMetadata().setDeletionTimestamp("2026-12-01T11:00:00Z"));
        // workloads: controllers
        on("WL-030", f -> f.web().getStatus().setAvailableReplicas(1));
        on("WL-031", f -> f.web().getStatus().setConditions(List.of(new DeploymentCondition(null, null,
                "ReplicaSet has timed out progressing.", "ProgressDeadlineExceeded", "False", "Progressing"))));
        on("WL-032", f -> f.web().getSpec().setReplicas(0));
        on("WL-033", f -> {
            f.get(StatefulSet.class, "db").getSpec().setReplicas(2);
            f.get(StatefulSet.class, "db").getStatus().setReadyReplicas(1);
        });
        on("WL-034", f -> f.get(StatefulSet.class, "db").getSpec().setServiceName("db-headless"));
        on("WL-035", f -> f.get(DaemonSet.class, "agent").getStatus().setNumberUnavailable(1));
        on("WL-036", f -> f.get(DaemonSet.class, "agent").getStatus().setNumberMisscheduled(1));
        on("WL-037", f -> f.get(Job.class, "migrate").getStatus().setConditions(List.of(new JobCondition(null, null,
                "Job has reached the specified backoff limit", "BackoffLimitExceeded", "True", "Failed"))));
        on("WL-038", f -> f.get(CronJob.class, "report").getSpec().setSuspend(true));
        on("WL-039", f -> f.spec().getVolumes().getFirst().getConfigMap().setName("web-config-v2"));
        on("WL-040", f -> f.spec().getVolumes().get(1).getSecret().setSecretName("web-db-v2"));
        on("WL-041", f -> f.spec().getVolumes().get(3).getPersistentVolumeClaim().setClaimName("data-v2"));
        on("WL-042", f -> f.spec().setServiceAccountName("web-v2"));
        on("WL-043", f -> f.spec().setImagePullSecrets(List.of(new LocalObjectReference("registry-credentials"))));
        on("WL-044", f -> f.get(HorizontalPodAutoscaler.class, "web").getStatus().setConditions(List.of(
                new HorizontalPodAutoscalerCondition(null, "the HPA was unable to compute the replica count",
                        "FailedGetResourceMetric", "False", "ScalingActive"))));
        on("WL-045", f -> f.get(HorizontalPodAutoscaler.class, "web").getStatus().setCurrentReplicas(5));
        on("WL-046", f -> f.get(HorizontalPodAutoscaler.class, "web").getSpec().getScaleTargetRef().setName("web-old"));
    }

    static {
        // WL-047 needs a target without CPU requests: point the HPA at db and change only db's template
        on("WL-047", f -> {
            var db = f.get(StatefulSet.class, "db");
            f.get(HorizontalPodAutoscaler.class, "web").getSpec().getScaleTargetRef().setKind("StatefulSet");
            f.get(HorizontalPodAutoscaler.class, "web").getSpec().getScaleTargetRef().setName("db");
            db.getSpec().getTemplate().getSpec().getContainers().getFirst().getResources().getRequests().remove("cpu");
        });
        // security
        on("SEC-001", f -> f.c().getSecurityContext().setPrivileged(true));
        on("SEC-002", f -> f.spec().setHostPID(true));
        on("SEC-003", f -> f.spec().setHostIPC(true));
        on("SEC-004", f -> f.spec().setHostNetwork(true));
        on("SEC-005", f -> f.c().getSecurityContext().setAllowPrivilegeEscalation(null));
        on("SEC-006", f -> {
            f.spec().getSecurityContext().setRunAsNonRoot(null);
            f.spec().getSecurityContext().setRunAsUser(null);
        });
        on("SEC-007", f -> {
            f.spec().getSecurityContext().setRunAsNonRoot(null);
            f.c().getSecurityContext().setRunAsUser(0L);
        });
        on("SEC-008", f -> f.c().getSecurityContext().setCapabilities(new Capabilities(null, List.of("NET_ADMIN", "SYS_TIME"))));
        on("SEC-009", f -> f.c().getSecurityContext().getCapabilities().setAdd(List.of("CHOWN")));
        on("SEC-010", f -> f.c().getSecurityContext().getCapabilities().setAdd(List.of("SYS_ADMIN")));
        on("SEC-011", f -> f.c().getSecurityContext().setCapabilities(new Capabilities(null, List.of("NET_RAW"))));
        on("SEC-012", f -> f.c().getSecurityContext().setReadOnlyRootFilesystem(false));
        on("SEC-013", f -> hostPath(f, "/data/cache"));
        on("SEC-014", f -> hostPath(f, "/var/run/docker.sock"));
        on("SEC-015", f -> hostPath(f, "/etc"));
        on("SEC-016", f -> f.c().setPorts(List.of(new ContainerPort(8080, null, 8080, "http", "TCP"))));
        on("SEC-017", f -> {
            f.spec().setAutomountServiceAccountToken(null);
            f.get(ServiceAccount.class, "web").setAutomountServiceAccountToken(null);
        });
        on("SEC-018", f -> f.spec().getSecurityContext().setSeccompProfile(null));
        on("SEC-019", f -> f.spec().getSecurityContext().setSeccompProfile(new SeccompProfile(null, "Unconfined")));
        on("SEC-020", f -> f.c().getSecurityContext().setAppArmorProfile(
                new io.fabric8.kubernetes.api.model.AppArmorProfile(null, "Unconfined")));
        on("SEC-021", f -> f.c().getSecurityContext().setSeLinuxOptions(
                new io.fabric8.kubernetes.api.model.SELinuxOptions(null, null, "spc_t", null)));
        on("SEC-022", f -> f.c().getSecurityContext().setProcMount("Unmasked"));
        on("SEC-023", f -> f.spec().getSecurityContext().setSysctls(List.of(
                new io.fabric8.kubernetes.api.model.Sysctl("net.core.somaxconn", "1024"))));
        on("SEC-024", f -> f.c().getSecurityContext().setWindowsOptions(
                new io.fabric8.kubernetes.api.model.WindowsSecurityContextOptions(null, null, true, null)));
        on("SEC-025", f -> f.spec().setShareProcessNamespace(true));
        on("SEC-026", f -> f.c().getSecurityContext().setRunAsGroup(0L));
        on("SEC-027", f -> f.get(Namespace.class, "shop").getMetadata().getLabels().clear());
        on("SEC-028", f -> f.get(Namespace.class, "shop").getMetadata().getLabels().put("pod-security.kubernetes.io/enforce", "privileged"));
        on("SEC-029", f -> f.get(ServiceAccount.class, "default").setAutomountServiceAccountToken(null));
        on("SEC-030", f -> f.add("""
                apiVersion: v1
                kind: Secret
                metadata: {name: web-token, namespace: shop, annotations: {kubernetes.io/service-account.name: web}}
                type: kubernetes.io/service-account-token
                """));
        on("SEC-031", f -> f.now = Instant.parse("2037-01-01T00:00:00Z"));
        on("SEC-032", f -> f.now = Instant.parse("2036-11-20T00:00:00Z"));
        on("SEC-033", f -> f.get(Secret.class, "web-tls").getData().put("tls.crt", "bm90IGEgY2VydGlmaWNhdGU="));
        on("SEC-034", f -> f.c().setEnv(List.of(new EnvVar("DB_PASSWORD", "hunter2", null))));
        on("SEC-035", f -> f.get(ConfigMap.class, "web-config").getData().put("key.pem",
                "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n"));
        on("SEC-036", f -> f.c().setImage("nginx:1.27"));

        // rbac
        on("RB-001", f -> rule(f, List.of("configmaps"), List.of("*")));
        on("RB-002", f -> rule(f, List.of("*"), List.of("get")));
        on("RB-003", f -> f.add(crb("cluster-admin", "ServiceAccount", "web", "shop")));
        on("RB-004", f -> f.add(crb("cluster-admin", "Group", "developers", null)));
        on("RB-005", f -> subject(f, "ServiceAccount", "default", "shop"));
        on("RB-006", f -> rule(f, List.of("secrets"), List.of("list")));
        on("RB-007", f -> rule(f, List.of("pods"), List.of("create")));
        on("RB-008", f -> rule(f, List.of("roles"), List.of("bind")));
        on("RB-009", f -> subject(f, "Group", "system:unauthenticated", null));
        on("RB-010", f -> f.get(RoleBinding.class, "web-config-reader").getRoleRef().setName("config-writer"));
        on("RB-011", f -> subject(f, "ServiceAccount", "web-old", "shop"));
        on("RB-012", f -> rule(f, List.of("nodes/proxy"), List.of("get")));
        on("RB-013", f -> rule(f, List.of("persistentvolumes"), List.of("create")));
        on("RB-014", f -> rule(f, List.of("certificatesigningrequests/approval"), List.of("update")));
        on("RB-015", f -> rule(f, List.of("validatingwebhookconfigurations"), List.of("patch")));
        on("RB-016", f -> rule(f, List.of("serviceaccounts/token"), List.of("create")));
        on("RB-017", f -> rule(f, List.of("pods/exec"), List.of("create")));
        on("RB-018", f -> f.add("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: leftover, namespace: shop}
                rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
                """));
        on("RB-019", f -> f.get(RoleBinding.class, "web-config-reader").setSubjects(List.of()));
        on("RB-020", f -> f.get(RoleBinding.class, "web-config-reader").setSubjects(List.of(
                new Subject(null, "ServiceAccount", "web", "shop"), new Subject(null, "ServiceAccount", "ci", "tools"))));
    }

    static {
        // networking
        on("NET-001", f -> f.get(Endpoints.class, "web").setSubsets(List.of()));
        on("NET-002", f -> f.get(Service.class, "web").getSpec().setSelector(Map.of("app", "webapp")));
        on("NET-003", f -> f.get(Service.class, "web").getSpec().getPorts().getFirst().setTargetPort(new IntOrString("https")));
        on("NET-004", f -> ingressBackend(f).setName("web-v2"));
        on("NET-005", f -> ingressBackend(f).getPort().setNumber(8080));
        on("NET-006", f -> f.get(Ingress.class, "web").getSpec().setTls(null));
        on("NET-007", f -> f.get(Ingress.class, "web").getSpec().getTls().getFirst().setSecretName("web-tls-v2"));
        on("NET-008", f -> f.get(Ingress.class, "web").getSpec().setIngressClassName("traefik"));
        on("NET-009", f -> {
            f.remove(NetworkPolicy.class, "default-deny");
            f.remove(NetworkPolicy.class, "allow-web");
        });
        on("NET-010", f -> f.get(NetworkPolicy.class, "allow-web").getSpec().getPodSelector().setMatchLabels(Map.of("app", "webapp")));
        on("NET-011", f -> f.get(NetworkPolicy.class, "allow-web").getSpec().setIngress(List.of(new NetworkPolicyIngressRule())));
        on("NET-012", f -> f.get(Service.class, "web").getSpec().setType("LoadBalancer"));
        on("NET-013", f -> f.get(Service.class, "web").getSpec().setType("NodePort"));
        on("NET-014", f -> f.get(Service.class, "web").getSpec().setExternalIPs(List.of("203.0.113.7")));
        on("NET-015", f -> f.add("""
                apiVersion: v1
                kind: Service
                metadata: {name: payments, namespace: shop}
                spec: {type: ExternalName, externalName: payments.example.net}
                """));
        on("NET-016", f -> {
            Ingress copy = Fixture.JSON.clone(f.get(Ingress.class, "web"));
            copy.getMetadata().setName("web-canary");
            f.objects.add(copy);
        });

        // storage
        on("ST-001", f -> f.get(PersistentVolumeClaim.class, "data").getStatus().setPhase("Pending"));
        on("ST-002", f -> f.get(PersistentVolumeClaim.class, "data").getStatus().setPhase("Lost"));
        on("ST-003", f -> f.get(PersistentVolume.class, "pv-data").getStatus().setPhase("Released"));
        on("ST-004", f -> f.get(PersistentVolume.class, "pv-data").getStatus().setPhase("Failed"));
        on("ST-005", f -> f.get(PersistentVolume.class, "pv-data").getStatus().setPhase("Available"));
        on("ST-006", f -> f.add("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: scratch, namespace: shop}
                spec: {storageClassName: standard, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                status: {phase: Bound}
                """));
        on("ST-007", f -> f.get(PersistentVolumeClaim.class, "data").getSpec().setStorageClassName("fast"));
        on("ST-008", f -> f.get(StorageClass.class, "standard").getMetadata().getAnnotations().clear());
        on("ST-009", f -> f.add("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: fast, annotations: {storageclass.kubernetes.io/is-default-class: "true"}}
                provisioner: ebs.csi.aws.com
                allowVolumeExpansion: true
                """));
        on("ST-010", f -> f.get(PersistentVolume.class, "pv-data").getSpec().setHostPath(new HostPathVolumeSource("/mnt/data", null)));
        on("ST-011", f -> {
            var spec = f.get(PersistentVolume.class, "pv-data").getSpec();
            spec.setCsi(null);
            spec.setAwsElasticBlockStore(new io.fabric8.kubernetes.api.model.AWSElasticBlockStoreVolumeSource("ext4", 0, false, "vol-1"));
        });
        on("ST-012", f -> f.spec().getVolumes().get(2).getEmptyDir().setSizeLimit(null));
        on("ST-013", f -> f.get(StorageClass.class, "standard").setAllowVolumeExpansion(false));

        // hygiene
        on("HY-001", f -> f.remove(ResourceQuota.class, "quota"));
        on("HY-002", f -> f.remove(LimitRange.class, "limits"));
        on("HY-003", f -> f.add("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: web-config-old, namespace: shop}
                data: {a: b}
                """));
        on("HY-004", f -> f.add("""
                apiVersion: v1
                kind: Secret
                metadata: {name: old-api-key, namespace: shop}
                type: Opaque
                data: {key: eA==}
                """));
        on("HY-005", f -> f.get(PodDisruptionBudget.class, "web").getSpec().setMaxUnavailable(new IntOrString(0)));
        on("HY-006", f -> f.get(PodDisruptionBudget.class, "web").getSpec().getSelector().setMatchLabels(Map.of("app", "webapp")));
        on("HY-007", f -> f.get(HorizontalPodAutoscaler.class, "web").getSpec().setMinReplicas(5));
        on("HY-008", f -> f.c().setEnv(List.of(new EnvVar("DB_PASSWORD", null,
                secretRef("web-db", "password")))));
        on("HY-009", f -> {
            f.add("""
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: default, labels: {pod-security.kubernetes.io/enforce: restricted}}
                    """);
            var d = Fixture.JSON.clone(f.web());
            d.getMetadata().setNamespace("default");
            d.getMetadata().setUid("uid-default-web");
            d.getSpec().getTemplate().getSpec().setServiceAccountName(null);
            d.getSpec().getTemplate().getSpec().setVolumes(List.of());
            f.objects.add(d);
        });
        on("HY-010", f -> f.web().getSpec().getTemplate().getMetadata().getLabels().remove("app.kubernetes.io/name"));
        on("HY-011", f -> f.get(ResourceQuota.class, "quota").getStatus().getUsed().put("requests.cpu", new Quantity("9500m")));
        on("HY-012", f -> f.add("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: sandbox-old, labels: {pod-security.kubernetes.io/enforce: restricted}}
                """));
        on("HY-013", f -> f.add(workload("ReplicaSet", "apps/v1", "legacy", "shop")
                + "    spec: {containers: [{name: c, image: registry.example.com/x:1}]}\n"));
        on("HY-014", f -> f.get(Job.class, "migrate").getSpec().setTtlSecondsAfterFinished(null));
        on("HY-015", f -> {
            Pod p = copyPod(f, "web-5d8f-old");
            p.getStatus().setPhase("Failed");
            p.getStatus().setReason("Evicted");
            p.getStatus().setMessage("The node was low on resource: memory.");
            f.objects.add(p);
        });
        on("HY-016", f -> f.add("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: deployer, namespace: shop}
                automountServiceAccountToken: false
                """));
        on("HY-017", f -> f.spec().setNodeSelector(Map.of("beta.kubernetes.io/arch", "amd64")));
        on("HY-018", f -> f.web().getSpec().getTemplate().getMetadata().setAnnotations(
                Map.of("seccomp.security.alpha.kubernetes.io/pod", "runtime/default")));
        on("HY-019", f -> f.get(ConfigMap.class, "web-config").getData().put("big.json", "x".repeat(600 * 1024)));
    }

    private static EnvVarSource secretRef(String name, String key) {
        EnvVarSource source = new EnvVarSource();
        source.setSecretKeyRef(new SecretKeySelector(key, name, null));
        return source;
    }

    private static void hostPath(Fixture f, String path) {
        List<Volume> volumes = new ArrayList<>(f.spec().getVolumes());
        Volume v = new Volume();
        v.setName("host");
        v.setHostPath(new HostPathVolumeSource(path, null));
        volumes.add(v);
        f.spec().setVolumes(volumes);
    }

    private static io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend ingressBackend(Fixture f) {
        return f.get(Ingress.class, "web").getSpec().getRules().getFirst().getHttp().getPaths().getFirst().getBackend().getService();
    }

    private static String crb(String role, String kind, String name, String namespace) {
        return """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: %s-%s}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: %s}
                subjects: [{kind: %s, name: %s%s}]
                """.formatted(role, name, role, kind, name, namespace == null ? "" : ", namespace: " + namespace);
    }
}
