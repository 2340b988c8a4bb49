package io.flotilla.inspection.checks;

import static io.flotilla.inspection.checks.Category.CLUSTER;
import static io.flotilla.inspection.checks.Rules.check;
import static io.flotilla.inspection.checks.Rules.refs;
import static io.flotilla.inspection.checks.Severity.CRITICAL;
import static io.flotilla.inspection.checks.Severity.INFO;
import static io.flotilla.inspection.checks.Severity.WARNING;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Versions (support, skew, removed APIs), admission webhooks, certificates and cluster-wide state. */
final class ClusterChecks {

    private static final Pattern API_VERSION = Pattern.compile("\"apiVersion\"\\s*:\\s*\"([^\"]+)\"");

    private ClusterChecks() {}

    static List<Check> all() {
        List<Check> all = new ArrayList<>(versions());
        all.addAll(webhooks());
        return all;
    }

    private static List<Check> versions() {
        return List.of(
                check("CL-001", "Kubernetes version out of support", CLUSTER, WARNING,
                        "The control plane runs a minor version past its end of upstream patch support: no more security fixes.",
                        "Upgrade the control plane, one minor version at a time.", refs("Kubernetes docs: Release history"),
                        (inv, out) -> {
                            int minor = Versions.minor(inv.snapshot().gitVersion());
                            if (minor < 0) {
                                return;
                            }
                            String eol = Versions.END_OF_LIFE.get(minor);
                            Instant end = eol == null ? (minor < 24 ? Instant.EPOCH : null)
                                    : LocalDate.parse(eol).atStartOfDay().toInstant(ZoneOffset.UTC);
                            if (end != null && end.isBefore(inv.now())) {
                                out.report(ObjectRef.cluster(inv.cluster()), inv.snapshot().gitVersion() + " is out of support"
                                        + (eol == null ? "" : " since " + eol));
                            }
                        }),
                check("CL-002", "Kubernetes version not readable", CLUSTER, INFO,
                        "/version could not be read, so support and version skew were not checked.",
                        "Allow the platform's credentials to read /version.", refs("Kubernetes docs: Version skew policy"),
                        (inv, out) -> {
                            if (Versions.minor(inv.snapshot().gitVersion()) < 0) {
                                out.report(ObjectRef.cluster(inv.cluster()), "/version was not readable");
                            }
                        }),
                check("CL-003", "Pre-release Kubernetes", CLUSTER, WARNING,
                        "Alpha, beta and release-candidate builds are not meant for production.",
                        "Upgrade to a released patch version.", refs("Kubernetes docs: Release cycle"),
                        (inv, out) -> {
                            if (Versions.prerelease(inv.snapshot().gitVersion())) {
                                out.report(ObjectRef.cluster(inv.cluster()), inv.snapshot().gitVersion() + " is a pre-release");
                            }
                        }),
                check("CL-004", "Kubelet newer than the API server", CLUSTER, CRITICAL,
                        "Kubelets must never be newer than kube-apiserver (version skew policy).",
                        "Upgrade the control plane first, then the nodes.", refs("Kubernetes docs: Version skew policy"),
                        skew((api, kubelet) -> kubelet > api, "is newer than the API server")),
                check("CL-005", "Kubelet too old for the API server", CLUSTER, WARNING,
                        "Kubelets may be at most three minor versions older than kube-apiserver.",
                        "Upgrade the node's kubelet.", refs("Kubernetes docs: Version skew policy"),
                        skew((api, kubelet) -> api - kubelet > 3, "is more than three minor versions behind the API server")),
                check("CL-006", "Kubelets on mixed minor versions", CLUSTER, INFO,
                        "Nodes on different minor versions behave differently; usually an upgrade left half done.",
                        "Finish the node upgrade.", refs("Kubernetes docs: Upgrading clusters"),
                        (inv, out) -> {
                            Set<Integer> minors = new TreeSet<>();
                            for (Node n : inv.all(Node.class)) {
                                int m = Versions.minor(kubelet(n));
                                if (m >= 0) {
                                    minors.add(m);
                                }
                            }
                            if (minors.size() > 1) {
                                out.report(ObjectRef.cluster(inv.cluster()), "kubelets run minor versions " + minors);
                            }
                        }),
                check("CL-007", "Manifest uses a removed API version", CLUSTER, CRITICAL,
                        "The object was last applied with an API version this cluster no longer serves: re-applying that manifest fails.",
                        "Update the manifest (Helm chart, GitOps repo) to the current API version.",
                        refs("Kubernetes docs: Deprecated API migration guide"),
                        removed(true)),
                check("CL-008", "Manifest uses a deprecated API version", CLUSTER, WARNING,
                        "The object was last applied with an API version that a later Kubernetes release removes.",
                        "Migrate the manifest before upgrading.", refs("Kubernetes docs: Deprecated API migration guide"),
                        removed(false)),
                check("CL-009", "Deprecated API versions served", CLUSTER, INFO,
                        "The API server still serves group versions that newer releases remove; clients relying on them break on upgrade.",
                        "Find clients still using them (apiserver_requested_deprecated_apis metric) and migrate them.",
                        refs("Kubernetes docs: Deprecated API migration guide"),
                        (inv, out) -> {
                            List<String> served = inv.snapshot().apiVersions().stream()
                                    .filter(v -> Versions.removedIn(v, "") != null).sorted().toList();
                            if (!served.isEmpty()) {
                                out.report(ObjectRef.cluster(inv.cluster()), "deprecated API versions served: " + served);
                            }
                        }),
                check("CL-010", "Namespace stuck terminating", CLUSTER, WARNING,
                        "A namespace Terminating for over an hour waits for a finalizer or an unavailable API service.",
                        "Read the namespace's status conditions to see what blocks deletion.", refs("Kubernetes docs: Namespaces"),
                        (inv, out) -> {
                            for (Namespace n : inv.namespaces()) {
                                Instant deleted = Inventory.instant(n.getMetadata().getDeletionTimestamp());
                                if (deleted != null && Duration.between(deleted, inv.now()).compareTo(Duration.ofHours(1)) > 0) {
                                    out.report(ObjectRef.of(n), "Terminating since " + deleted);
                                }
                            }
                        }),
                check("CL-011", "Certificate signing request pending", CLUSTER, INFO,
                        "A CSR pending for over an hour is a node or client waiting for a certificate nobody approves.",
                        "Approve or deny it (kubectl certificate approve|deny).", refs("Kubernetes docs: Certificate signing requests"),
                        (inv, out) -> {
                            for (CertificateSigningRequest c : inv.all(CertificateSigningRequest.class)) {
                                boolean decided = c.getStatus() != null && c.getStatus().getConditions() != null
                                        && !c.getStatus().getConditions().isEmpty();
                                if (!decided && inv.age(c).compareTo(Duration.ofHours(1)) > 0) {
                                    out.report(ObjectRef.of(c), "pending for " + inv.age(c).toHours() + " hours");
                                }
                            }
                        }));
    }

    private static List<Check> webhooks() {
        return List.of(
                check("CL-020", "Fail-closed webhook without endpoints", CLUSTER, CRITICAL,
                        "A webhook with failurePolicy Fail whose service has no ready endpoints rejects every matching API request.",
                        "Restore the webhook's pods, or set failurePolicy: Ignore while it is down.", refs("Kubernetes docs: Admission webhooks"),
                        (inv, out) -> eachWebhook(inv, (o, name, policy, client, nsSelector, timeout) -> {
                            if (!"Ignore".equals(policy) && client != null && client.getService() != null
                                    && !NetworkChecks.hasReadyEndpoints(inv, client.getService().getNamespace(), client.getService().getName())) {
                                out.report(ObjectRef.of(o), "webhook '" + name + "' calls service "
                                        + client.getService().getNamespace() + "/" + client.getService().getName() + " which has no ready endpoints");
                            }
                        })),
                check("CL-021", "Slow webhook timeout", CLUSTER, WARNING,
                        "Webhook timeouts above 15 seconds stall API requests (and controllers) whenever the webhook is slow.",
                        "Set timeoutSeconds to 10 or less.", refs("Kubernetes docs: Admission webhooks"),
                        (inv, out) -> eachWebhook(inv, (o, name, policy, client, nsSelector, timeout) -> {
                            if (timeout != null && timeout > 15) {
                                out.report(ObjectRef.of(o), "webhook '" + name + "' waits up to " + timeout + "s");
                            }
                        })),
                check("CL-022", "Fail-closed webhook covers kube-system", CLUSTER, WARNING,
                        "A failing webhook that also intercepts kube-system can block the components needed to repair it.",
                        "Exclude kube-system with a namespaceSelector, or use failurePolicy: Ignore.", refs("Kubernetes docs: Admission webhooks"),
                        (inv, out) -> eachWebhook(inv, (o, name, policy, client, nsSelector, timeout) -> {
                            boolean scoped = nsSelector != null && ((nsSelector.getMatchLabels() != null && !nsSelector.getMatchLabels().isEmpty())
                                    || (nsSelector.getMatchExpressions() != null && !nsSelector.getMatchExpressions().isEmpty()));
                            if (!"Ignore".equals(policy) && !scoped) {
                                out.report(ObjectRef.of(o), "webhook '" + name + "' fails closed for every namespace, kube-system included");
                            }
                        })),
                check("CL-023", "Webhook CA certificate expired", CLUSTER, CRITICAL,
                        "The API server cannot verify the webhook's serving certificate with an expired CA bundle.",
                        "Rotate the webhook's CA and update caBundle (cert-manager's CA injector does this).", refs("Kubernetes docs: Admission webhooks"),
                        (inv, out) -> eachWebhook(inv, (o, name, policy, client, nsSelector, timeout) -> {
                            Certificates.Cert ca = client == null ? null : Certificates.parse(Certificates.decode(client.getCaBundle()));
                            if (ca != null && ca.notAfter().isBefore(inv.now())) {
                                out.report(ObjectRef.of(o), "webhook '" + name + "' CA expired on " + ca.notAfter());
                            }
                        })));
    }

    interface WebhookVisitor {
        void visit(HasMetadata config, String name, String failurePolicy, WebhookClientConfig client,
                io.fabric8.kubernetes.api.model.LabelSelector namespaceSelector, Integer timeout);
    }

    static void eachWebhook(Inventory inv, WebhookVisitor v) {
        for (ValidatingWebhookConfiguration c : inv.all(ValidatingWebhookConfiguration.class)) {
            if (c.getWebhooks() != null) {
                c.getWebhooks().forEach(w -> v.visit(c, w.getName(), w.getFailurePolicy(), w.getClientConfig(),
                        w.getNamespaceSelector(), w.getTimeoutSeconds()));
            }
        }
        for (MutatingWebhookConfiguration c : inv.all(MutatingWebhookConfiguration.class)) {
            if (c.getWebhooks() != null) {
                c.getWebhooks().forEach(w -> v.visit(c, w.getName(), w.getFailurePolicy(), w.getClientConfig(),
                        w.getNamespaceSelector(), w.getTimeoutSeconds()));
            }
        }
    }

    static String kubelet(Node n) {
        return n.getStatus() == null || n.getStatus().getNodeInfo() == null ? null : n.getStatus().getNodeInfo().getKubeletVersion();
    }

    interface Skew {
        boolean bad(int api, int kubelet);
    }

    private static Check.Rule skew(Skew skew, String message) {
        return (inv, out) -> {
            int api = Versions.minor(inv.snapshot().gitVersion());
            if (api < 0) {
                return;
            }
            for (Node n : inv.all(Node.class)) {
                int k = Versions.minor(kubelet(n));
                if (k >= 0 && skew.bad(api, k)) {
                    out.report(ObjectRef.of(n), "kubelet " + kubelet(n) + " " + message + " " + inv.snapshot().gitVersion());
                }
            }
        };
    }

    /** Objects whose last-applied manifest names an API version removed at (or, when false, after) this version. */
    private static Check.Rule removed(boolean alreadyRemoved) {
        return (inv, out) -> {
            int minor = Versions.minor(inv.snapshot().gitVersion());
            if (minor < 0) {
                return;
            }
            for (List<? extends HasMetadata> list : inv.snapshot().objects().values()) {
                for (HasMetadata o : list) {
                    Map<String, String> ann = Inventory.annotations(o);
                    String applied = ann.get("kubectl.kubernetes.io/last-applied-configuration");
                    if (applied == null) {
                        continue;
                    }
                    Matcher m = API_VERSION.matcher(applied);
                    if (!m.find()) {
                        continue;
                    }
                    Integer removedIn = Versions.removedIn(m.group(1), o.getKind());
                    if (removedIn != null && (alreadyRemoved == (removedIn <= minor))) {
                        out.report(ObjectRef.of(o), "last applied as " + m.group(1) + ", removed in Kubernetes 1." + removedIn);
                    }
                }
            }
        };
    }
}
