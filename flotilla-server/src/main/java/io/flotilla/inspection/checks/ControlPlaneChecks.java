package io.flotilla.inspection.checks;

import static io.flotilla.inspection.checks.Category.CONTROL_PLANE;
import static io.flotilla.inspection.checks.Rules.check;
import static io.flotilla.inspection.checks.Rules.refs;
import static io.flotilla.inspection.checks.Severity.CRITICAL;
import static io.flotilla.inspection.checks.Severity.INFO;
import static io.flotilla.inspection.checks.Severity.WARNING;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * API server and etcd health from {@code /readyz?verbose}, and the flags of kubeadm-style static
 * control plane pods (kube-bench's view of CIS sections 1 and 2). On managed clusters the static pods
 * are invisible and these flag checks stay silent.
 */
final class ControlPlaneChecks {

    private ControlPlaneChecks() {}

    static List<Check> all() {
        List<Check> all = new ArrayList<>(health());
        all.addAll(apiServerFlags());
        all.addAll(componentFlags());
        return all;
    }

    private static List<Check> health() {
        return List.of(
                check("CP-001", "API server readiness checks failing", CONTROL_PLANE, CRITICAL,
                        "/readyz?verbose lists failing checks: the API server is not fully serving.",
                        "Read the API server log for the failing check (e.g. [-]poststarthook/...).", refs("Kubernetes docs: API health endpoints"),
                        (inv, out) -> {
                            List<String> failing = failing(inv.snapshot().readyz()).stream().filter(l -> !l.contains("etcd")).toList();
                            if (!failing.isEmpty()) {
                                out.report(ObjectRef.cluster(inv.cluster()), "failing readyz checks: " + failing);
                            }
                        }),
                check("CP-002", "etcd unhealthy", CONTROL_PLANE, CRITICAL,
                        "The API server reports its etcd check failing: writes and consistent reads fail.",
                        "Check etcd members' health (etcdctl endpoint health) and disk latency.", refs("Kubernetes docs: Operating etcd"),
                        (inv, out) -> {
                            List<String> failing = failing(inv.snapshot().readyz()).stream().filter(l -> l.contains("etcd")).toList();
                            if (!failing.isEmpty()) {
                                out.report(ObjectRef.cluster(inv.cluster()), "failing etcd checks: " + failing);
                            }
                        }),
                check("CP-003", "API server health not readable", CONTROL_PLANE, INFO,
                        "/readyz?verbose could not be read, so API server and etcd health were not checked.",
                        "Grant the platform's credentials get on the nonResourceURL /readyz.", refs("Kubernetes docs: API health endpoints"),
                        (inv, out) -> {
                            if (inv.snapshot().readyz() == null) {
                                out.report(ObjectRef.cluster(inv.cluster()), "/readyz?verbose was not readable");
                            }
                        }),
                check("CP-004", "Control plane component not running", CONTROL_PLANE, CRITICAL,
                        "A kube-apiserver, etcd, kube-scheduler or kube-controller-manager pod is not Running and ready.",
                        "Read the static pod's logs on the control plane node (crictl logs).", refs("Kubernetes docs: Troubleshooting clusters"),
                        (inv, out) -> {
                            for (Pod p : inv.in(Pod.class, "kube-system")) {
                                String component = Inventory.labels(p).get("component");
                                if (component != null && List.of("kube-apiserver", "etcd", "kube-scheduler", "kube-controller-manager")
                                        .contains(component) && !WorkloadChecks.ready(p)) {
                                    out.report(ObjectRef.of(p), component + " is " + WorkloadChecks.phase(p) + " and not ready");
                                }
                            }
                        }),
                check("CP-005", "Single etcd member", CONTROL_PLANE, WARNING,
                        "One etcd member has no quorum redundancy: losing it loses the cluster state until restored from backup.",
                        "Run three (or five) etcd members, and take regular snapshots.", refs("Kubernetes docs: Operating etcd"),
                        (inv, out) -> {
                            List<Pod> etcd = component(inv, "etcd");
                            if (etcd.size() == 1) {
                                out.report(ObjectRef.of(etcd.getFirst()), "only one etcd member is visible");
                            }
                        }),
                check("CP-006", "Single API server", CONTROL_PLANE, WARNING,
                        "One API server instance is a single point of failure for every client and controller.",
                        "Run at least two control plane nodes behind a load balancer.", refs("Kubernetes docs: HA topology"),
                        (inv, out) -> {
                            List<Pod> api = component(inv, "kube-apiserver");
                            if (api.size() == 1) {
                                out.report(ObjectRef.of(api.getFirst()), "only one kube-apiserver is visible");
                            }
                        }));
    }

    private static List<Check> apiServerFlags() {
        return List.of(
                flag("CP-010", "kube-apiserver", "Anonymous requests allowed", WARNING, "CIS 1.2.1",
                        "Anonymous requests reach the API server as system:anonymous.", "Set --anonymous-auth=false.",
                        f -> !f.is("anonymous-auth", "false"), "--anonymous-auth is not false"),
                flag("CP-011", "kube-apiserver", "Static token file authentication", CRITICAL, "CIS 1.2.2",
                        "Static tokens never expire and cannot be revoked without restarting the API server.",
                        "Remove --token-auth-file; use certificates, OIDC or service account tokens.",
                        f -> f.has("token-auth-file"), "--token-auth-file is set"),
                flag("CP-012", "kube-apiserver", "Kubelet client certificate not configured", WARNING, "CIS 1.2.3",
                        "Without a client certificate the API server cannot authenticate to kubelets.",
                        "Set --kubelet-client-certificate and --kubelet-client-key.",
                        f -> !f.has("kubelet-client-certificate") || !f.has("kubelet-client-key"),
                        "--kubelet-client-certificate/--kubelet-client-key missing"),
                flag("CP-013", "kube-apiserver", "Kubelet serving certificates not verified", WARNING, "CIS 1.2.4",
                        "Without --kubelet-certificate-authority the API server does not verify kubelets (MITM of exec and logs).",
                        "Set --kubelet-certificate-authority.", f -> !f.has("kubelet-certificate-authority"),
                        "--kubelet-certificate-authority is not set"),
                flag("CP-014", "kube-apiserver", "AlwaysAllow authorization", CRITICAL, "CIS 1.2.5",
                        "AlwaysAllow authorises every authenticated request.", "Use --authorization-mode=Node,RBAC.",
                        f -> f.list("authorization-mode").contains("AlwaysAllow"), "--authorization-mode includes AlwaysAllow"),
                flag("CP-015", "kube-apiserver", "Node authorizer not enabled", WARNING, "CIS 1.2.6",
                        "Without the Node authorizer kubelets can read secrets of pods on other nodes.",
                        "Include Node in --authorization-mode.", f -> !f.list("authorization-mode").contains("Node"),
                        "--authorization-mode does not include Node"),
                flag("CP-016", "kube-apiserver", "RBAC not enabled", CRITICAL, "CIS 1.2.7",
                        "Without RBAC, Roles and bindings have no effect.", "Include RBAC in --authorization-mode.",
                        f -> !f.list("authorization-mode").contains("RBAC"), "--authorization-mode does not include RBAC"),
                flag("CP-017", "kube-apiserver", "AlwaysAdmit admission plugin", CRITICAL, "CIS 1.2.9",
                        "AlwaysAdmit admits every request and bypasses admission control.", "Remove AlwaysAdmit from --enable-admission-plugins.",
                        f -> f.list("enable-admission-plugins").contains("AlwaysAdmit"), "AlwaysAdmit is enabled"),
                flag("CP-018", "kube-apiserver", "NodeRestriction admission not enabled", WARNING, "CIS 1.2.15",
                        "NodeRestriction stops a kubelet from modifying other nodes and pods.", "Add NodeRestriction to --enable-admission-plugins.",
                        f -> !f.list("enable-admission-plugins").contains("NodeRestriction"), "NodeRestriction is not enabled"),
                flag("CP-019", "kube-apiserver", "API server profiling enabled", INFO, "CIS 1.2.16",
                        "The profiling endpoint exposes internals and costs performance.", "Set --profiling=false.",
                        f -> !f.is("profiling", "false"), "--profiling is not false"),
                flag("CP-020", "kube-apiserver", "No audit log", WARNING, "CIS 1.2.17",
                        "Without an audit log nobody can tell who did what in the cluster.",
                        "Set --audit-log-path and an --audit-policy-file.", f -> !f.has("audit-log-path"), "--audit-log-path is not set"),
                flag("CP-021", "kube-apiserver", "Audit log kept too briefly", INFO, "CIS 1.2.18",
                        "Audit logs should be kept at least 30 days for investigations.", "Set --audit-log-maxage=30 or more.",
                        f -> f.has("audit-log-path") && intValue(f, "audit-log-maxage") < 30, "--audit-log-maxage is below 30"),
                flag("CP-022", "kube-apiserver", "Service account token lookup disabled", WARNING, "CIS 1.2.24",
                        "Without lookup, tokens of deleted service accounts keep working.", "Remove --service-account-lookup=false.",
                        f -> f.is("service-account-lookup", "false"), "--service-account-lookup=false"),
                flag("CP-023", "kube-apiserver", "Secrets not encrypted at rest", WARNING, "CIS 1.2.29",
                        "Without an encryption provider, Secrets are stored in etcd in plain text.",
                        "Set --encryption-provider-config with an aescbc, secretbox or KMS provider.",
                        f -> !f.has("encryption-provider-config"), "--encryption-provider-config is not set"),
                flag("CP-024", "kube-apiserver", "API server without TLS serving certificate", CRITICAL, "CIS 1.2.26",
                        "Explicit TLS certificate and key are required for a trusted API endpoint.",
                        "Set --tls-cert-file and --tls-private-key-file.", f -> !f.has("tls-cert-file") || !f.has("tls-private-key-file"),
                        "--tls-cert-file/--tls-private-key-file missing"),
                flag("CP-025", "kube-apiserver", "etcd connection without client certificate", CRITICAL, "CIS 1.2.25",
                        "The API server must authenticate to etcd with a client certificate.", "Set --etcd-certfile and --etcd-keyfile.",
                        f -> !f.has("etcd-certfile") || !f.has("etcd-keyfile"), "--etcd-certfile/--etcd-keyfile missing"));
    }

    private static List<Check> componentFlags() {
        return List.of(
                flag("CP-030", "kube-controller-manager", "Controller manager profiling enabled", INFO, "CIS 1.3.2",
                        "The profiling endpoint exposes internals.", "Set --profiling=false.",
                        f -> !f.is("profiling", "false"), "--profiling is not false"),
                flag("CP-031", "kube-controller-manager", "Controllers share one credential", WARNING, "CIS 1.3.3",
                        "Without per-controller service accounts every controller runs with the manager's full rights.",
                        "Set --use-service-account-credentials=true.", f -> !f.is("use-service-account-credentials", "true"),
                        "--use-service-account-credentials is not true"),
                flag("CP-032", "kube-controller-manager", "Terminated pods never garbage collected", INFO, "CIS 1.3.1",
                        "Without a threshold, terminated pods pile up to the default of 12,500.",
                        "Set --terminated-pod-gc-threshold (e.g. 10).", f -> !f.has("terminated-pod-gc-threshold"),
                        "--terminated-pod-gc-threshold is not set"),
                flag("CP-033", "kube-controller-manager", "Controller manager listens on all interfaces", WARNING, "CIS 1.3.7",
                        "The metrics and health endpoints should not be reachable from the network.", "Set --bind-address=127.0.0.1.",
                        f -> !f.is("bind-address", "127.0.0.1"), "--bind-address is not 127.0.0.1"),
                flag("CP-034", "kube-controller-manager", "Service account tokens not signed with a dedicated key", WARNING, "CIS 1.3.4",
                        "The controller manager needs --service-account-private-key-file to sign tokens.",
                        "Set --service-account-private-key-file.", f -> !f.has("service-account-private-key-file"),
                        "--service-account-private-key-file is not set"),
                flag("CP-035", "kube-scheduler", "Scheduler profiling enabled", INFO, "CIS 1.4.1",
                        "The profiling endpoint exposes internals.", "Set --profiling=false.",
                        f -> !f.is("profiling", "false"), "--profiling is not false"),
                flag("CP-036", "kube-scheduler", "Scheduler listens on all interfaces", WARNING, "CIS 1.4.2",
                        "The scheduler's endpoints should not be reachable from the network.", "Set --bind-address=127.0.0.1.",
                        f -> !f.is("bind-address", "127.0.0.1"), "--bind-address is not 127.0.0.1"),
                flag("CP-037", "etcd", "etcd without TLS", CRITICAL, "CIS 2.1",
                        "etcd holds every Secret; it must serve only over TLS.", "Set --cert-file and --key-file.",
                        f -> !f.has("cert-file") || !f.has("key-file"), "--cert-file/--key-file missing"),
                flag("CP-038", "etcd", "etcd accepts clients without certificates", CRITICAL, "CIS 2.2",
                        "Without client certificate authentication anyone reaching etcd can read the cluster's state.",
                        "Set --client-cert-auth=true.", f -> !f.is("client-cert-auth", "true"), "--client-cert-auth is not true"),
                flag("CP-039", "etcd", "etcd uses self-signed auto TLS", WARNING, "CIS 2.3",
                        "--auto-tls generates untrusted self-signed certificates.", "Remove --auto-tls and use real certificates.",
                        f -> f.is("auto-tls", "true"), "--auto-tls=true"),
                flag("CP-040", "etcd", "etcd peers not authenticated", CRITICAL, "CIS 2.5",
                        "Without peer client certificate auth, anyone can join or read the etcd cluster.",
                        "Set --peer-client-cert-auth=true.", f -> !f.is("peer-client-cert-auth", "true"),
                        "--peer-client-cert-auth is not true"));
    }

    /** The lines of a verbose readyz output that report a failed check ({@code [-]etcd failed: ...}). */
    static List<String> failing(String readyz) {
        if (readyz == null) {
            return List.of();
        }
        return readyz.lines().map(String::trim).filter(l -> l.startsWith("[-]")).map(l -> l.substring(3)).toList();
    }

    static List<Pod> component(Inventory inv, String component) {
        return inv.in(Pod.class, "kube-system").stream()
                .filter(p -> component.equals(Inventory.labels(p).get("component"))).toList();
    }

    private static int intValue(Flags f, String flag) {
        try {
            return f.get(flag).map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Check flag(String id, String component, String title, Severity severity, String cis, String rationale,
            String remediation, Predicate<Flags> bad, String message) {
        return check(id, title, CONTROL_PLANE, severity, rationale, remediation, refs(cis, "kube-bench"),
                (inv, out) -> {
                    for (Pod p : component(inv, component)) {
                        if (bad.test(Flags.of(p))) {
                            out.report(ObjectRef.of(p), component + ": " + message);
                        }
                    }
                });
    }
}
