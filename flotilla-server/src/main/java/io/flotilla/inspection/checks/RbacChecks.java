package io.flotilla.inspection.checks;

import static io.flotilla.inspection.checks.Category.RBAC;
import static io.flotilla.inspection.checks.Rules.check;
import static io.flotilla.inspection.checks.Rules.refs;
import static io.flotilla.inspection.checks.Severity.CRITICAL;
import static io.flotilla.inspection.checks.Severity.INFO;
import static io.flotilla.inspection.checks.Severity.WARNING;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Roles and bindings: wildcards, escalation paths, over-broad grants and dangling references. */
final class RbacChecks {

    private RbacChecks() {}

    /** A role or binding with what the checks need, from either the namespaced or the cluster kind. */
    record Binding(HasMetadata object, RoleRef role, List<Subject> subjects) {
        String namespace() {
            return object.getMetadata().getNamespace();
        }
    }

    static List<Check> all() {
        return List.of(
                rule("RB-001", "Wildcard verbs", WARNING, "CIS 5.1.3",
                        "A '*' verb grants every current and future verb, including escalate and impersonate.",
                        "List the verbs the subject needs.", r -> has(r.getVerbs(), "*"), "grants every verb ('*')"),
                rule("RB-002", "Wildcard resources", WARNING, "CIS 5.1.3",
                        "A '*' resource grants access to every resource of the API groups, including secrets and future CRDs.",
                        "List the resources the subject needs.", r -> has(r.getResources(), "*"), "grants every resource ('*')"),
                check("RB-003", "cluster-admin bound to a service account", RBAC, CRITICAL,
                        "Any pod running as that service account (or anyone who can create pods in its namespace) owns the cluster.",
                        "Bind a role with just the rights the workload needs.", refs("CIS 5.1.1", "NSA-CISA: Authorization"),
                        clusterAdmin("ServiceAccount")),
                check("RB-004", "cluster-admin bound to a group", RBAC, WARNING,
                        "Every member of the group, now and later, gets full control of the cluster.",
                        "Bind cluster-admin to named break-glass users only; give groups narrower roles.", refs("CIS 5.1.1"),
                        clusterAdmin("Group")),
                check("RB-005", "Default service account has bindings", RBAC, WARNING,
                        "Every pod that names no service account runs as 'default', so rights given to it reach all those pods.",
                        "Create a dedicated service account for the workload and bind the role to it.", refs("CIS 5.1.5"),
                        (inv, out) -> {
                            for (Binding b : bindings(inv)) {
                                for (Subject s : b.subjects()) {
                                    if ("ServiceAccount".equals(s.getKind()) && "default".equals(s.getName())
                                            && !Inventory.isSystemNamespace(s.getNamespace() == null ? b.namespace() : s.getNamespace())) {
                                        out.report(ObjectRef.of(b.object()), "binds " + b.role().getKind() + " '" + b.role().getName()
                                                + "' to default service account of " + (s.getNamespace() == null ? b.namespace() : s.getNamespace()));
                                    }
                                }
                            }
                        }),
                rule("RB-006", "Read access to secrets", WARNING, "CIS 5.1.2",
                        "get, list or watch on secrets reveals every credential in scope (list returns the values too).",
                        "Grant access to specific secrets with resourceNames, or none.",
                        r -> covers(r, "secrets", "get", "list", "watch") && (r.getResourceNames() == null || r.getResourceNames().isEmpty()),
                        "can read secrets"),
                rule("RB-007", "Can create pods", INFO, "CIS 5.1.4",
                        "Creating pods lets a subject run as any service account in the namespace and mount its secrets.",
                        "Grant pod creation only to deployment tooling.", r -> covers(r, "pods", "create"), "can create pods"),
                rule("RB-008", "Escalation verbs", WARNING, "CIS 5.1.8",
                        "bind, escalate and impersonate let a subject grant itself more than it has.",
                        "Remove these verbs from the role.", r -> has(r.getVerbs(), "bind") || has(r.getVerbs(), "escalate")
                                || has(r.getVerbs(), "impersonate"),
                        "grants bind, escalate or impersonate"),
                check("RB-009", "Grant to anonymous or unauthenticated users", RBAC, CRITICAL,
                        "A binding to system:anonymous or system:unauthenticated opens the API to anyone who can reach it.",
                        "Delete the binding.", refs("CIS 5.1.1", "NSA-CISA: Authentication"),
                        (inv, out) -> {
                            for (Binding b : bindings(inv)) {
                                for (Subject s : b.subjects()) {
                                    if (Set.of("system:anonymous", "system:unauthenticated").contains(s.getName())
                                            && !"system:public-info-viewer".equals(b.role().getName())) {
                                        out.report(ObjectRef.of(b.object()), "grants " + b.role().getName() + " to " + s.getName());
                                    }
                                }
                            }
                        }),
                check("RB-010", "Binding to a missing role", RBAC, WARNING,
                        "A binding to a role that does not exist grants nothing today and everything the role gets if someone creates it.",
                        "Delete the binding or create the intended role.", refs("Kubernetes docs: RBAC"),
                        (inv, out) -> {
                            for (Binding b : bindings(inv)) {
                                boolean exists = "ClusterRole".equals(b.role().getKind())
                                        ? inv.has(ClusterRole.class, null, b.role().getName())
                                        : inv.has(Role.class, b.namespace(), b.role().getName());
                                if (!exists) {
                                    out.report(ObjectRef.of(b.object()), b.role().getKind() + " '" + b.role().getName() + "' does not exist");
                                }
                            }
                        }),
                check("RB-011", "Binding to a missing service account", RBAC, WARNING,
                        "Rights bound to a service account that does not exist go to whoever creates an account of that name.",
                        "Delete the subject from the binding.", refs("Kubernetes docs: RBAC"),
                        (inv, out) -> {
                            for (Binding b : bindings(inv)) {
                                for (Subject s : b.subjects()) {
                                    String ns = s.getNamespace() == null ? b.namespace() : s.getNamespace();
                                    if ("ServiceAccount".equals(s.getKind()) && ns != null && !Inventory.isSystemNamespace(ns)
                                            && !inv.has(ServiceAccount.class, ns, s.getName())) {
                                        out.report(ObjectRef.of(b.object()), "service account " + ns + "/" + s.getName() + " does not exist");
                                    }
                                }
                            }
                        }),
                rule("RB-012", "Access to nodes/proxy", WARNING, "CIS 5.1.10",
                        "nodes/proxy reaches the kubelet API directly (exec into any pod on the node, unaudited).",
                        "Remove nodes/proxy from the role.", r -> covers(r, "nodes/proxy", "get", "create", "*"), "grants nodes/proxy"),
                rule("RB-013", "Can create persistent volumes", INFO, "CIS 5.1.9",
                        "Creating PersistentVolumes allows hostPath volumes that mount any node directory.",
                        "Leave PV creation to provisioners.", r -> covers(r, "persistentvolumes", "create"), "can create persistentvolumes"),
                rule("RB-014", "Can approve certificate requests", WARNING, "CIS 5.1.11",
                        "Approving CSRs lets a subject issue client certificates for any identity, including system:masters.",
                        "Remove update on certificatesigningrequests/approval.",
                        r -> covers(r, "certificatesigningrequests/approval", "update", "patch"), "can approve certificate requests"),
                rule("RB-015", "Can change admission webhooks", WARNING, "CIS 5.1.12",
                        "Changing webhook configurations lets a subject intercept or silence every admission decision.",
                        "Remove write access to validating/mutating webhook configurations.",
                        r -> covers(r, "validatingwebhookconfigurations", "create", "update", "patch", "delete")
                                || covers(r, "mutatingwebhookconfigurations", "create", "update", "patch", "delete"),
                        "can change admission webhooks"),
                rule("RB-016", "Can mint service account tokens", WARNING, "CIS 5.1.13",
                        "create on serviceaccounts/token issues tokens for any account in scope.",
                        "Remove create on serviceaccounts/token.", r -> covers(r, "serviceaccounts/token", "create"),
                        "can create service account tokens"),
                rule("RB-017", "Can exec into pods", INFO, "NSA-CISA: Authorization",
                        "pods/exec gives a shell in every pod in scope, with its service account token and secrets.",
                        "Restrict exec to operators, and audit it.", r -> covers(r, "pods/exec", "create", "get"), "can exec into pods"),
                check("RB-018", "Role without bindings", RBAC, INFO,
                        "A Role or ClusterRole nobody is bound to is clutter, or a leftover waiting to be misused.",
                        "Delete it if it is not kept for a reason (aggregation, templates).", refs("Kubernetes docs: RBAC"),
                        (inv, out) -> {
                            Set<String> used = new HashSet<>();
                            for (Binding b : bindings(inv)) {
                                used.add("ClusterRole".equals(b.role().getKind()) ? "/" + b.role().getName()
                                        : b.namespace() + "/" + b.role().getName());
                            }
                            for (Role r : inv.all(Role.class)) {
                                if (!builtIn(r) && !used.contains(r.getMetadata().getNamespace() + "/" + r.getMetadata().getName())) {
                                    out.report(ObjectRef.of(r), "no binding refers to this Role");
                                }
                            }
                            for (ClusterRole r : inv.all(ClusterRole.class)) {
                                boolean aggregated = r.getAggregationRule() != null
                                        || Inventory.labels(r).keySet().stream().anyMatch(k -> k.startsWith("rbac.authorization.k8s.io/aggregate-to-"));
                                if (!builtIn(r) && !aggregated && !used.contains("/" + r.getMetadata().getName())) {
                                    out.report(ObjectRef.of(r), "no binding refers to this ClusterRole");
                                }
                            }
                        }),
                check("RB-019", "Binding without subjects", RBAC, INFO,
                        "A binding without subjects grants nothing; usually a mistake in templating.",
                        "Add the intended subjects or delete it.", refs("Kubernetes docs: RBAC"),
                        (inv, out) -> {
                            for (Binding b : bindings(inv)) {
                                if (b.subjects().isEmpty() && !builtIn(b.object())) {
                                    out.report(ObjectRef.of(b.object()), "binding has no subjects");
                                }
                            }
                        }),
                check("RB-020", "Service account from another namespace", RBAC, INFO,
                        "A RoleBinding granting rights to another namespace's service account crosses a tenant boundary.",
                        "Make sure the cross-namespace grant is intended and documented.", refs("NSA-CISA: Authorization"),
                        (inv, out) -> {
                            for (RoleBinding b : inv.all(RoleBinding.class)) {
                                if (b.getSubjects() == null || Inventory.isSystemNamespace(b.getMetadata().getNamespace())) {
                                    continue;
                                }
                                for (Subject s : b.getSubjects()) {
                                    if ("ServiceAccount".equals(s.getKind()) && s.getNamespace() != null
                                            && !s.getNamespace().equals(b.getMetadata().getNamespace())) {
                                        out.report(ObjectRef.of(b), "grants to service account " + s.getNamespace() + "/" + s.getName());
                                    }
                                }
                            }
                        }));
    }

    static List<Binding> bindings(Inventory inv) {
        List<Binding> all = new ArrayList<>();
        for (RoleBinding b : inv.all(RoleBinding.class)) {
            all.add(new Binding(b, b.getRoleRef(), b.getSubjects() == null ? List.of() : b.getSubjects()));
        }
        for (ClusterRoleBinding b : inv.all(ClusterRoleBinding.class)) {
            all.add(new Binding(b, b.getRoleRef(), b.getSubjects() == null ? List.of() : b.getSubjects()));
        }
        return all;
    }

    /** Kubernetes' own bootstrap roles and bindings, and system: ones: the platform's, not the user's. */
    static boolean builtIn(HasMetadata o) {
        return o.getMetadata().getName().startsWith("system:")
                || "rbac-defaults".equals(Inventory.labels(o).get("kubernetes.io/bootstrapping"))
                || Inventory.isSystemNamespace(o.getMetadata().getNamespace());
    }

    private static boolean has(List<String> values, String v) {
        return values != null && values.contains(v);
    }

    /** Does the rule grant any of {@code verbs} on {@code resource} (wildcards included)? */
    static boolean covers(PolicyRule r, String resource, String... verbs) {
        if (r.getResources() == null || !(r.getResources().contains(resource) || r.getResources().contains("*"))) {
            return false;
        }
        if (has(r.getVerbs(), "*")) {
            return true;
        }
        for (String v : verbs) {
            if (has(r.getVerbs(), v)) {
                return true;
            }
        }
        return false;
    }

    private static Check rule(String id, String title, Severity severity, String reference, String rationale,
            String remediation, java.util.function.Predicate<PolicyRule> bad, String message) {
        return check(id, title, RBAC, severity, rationale, remediation, refs(reference, "NSA-CISA: Authorization"),
                (inv, out) -> {
                    for (Role r : inv.all(Role.class)) {
                        if (!builtIn(r) && r.getRules() != null && r.getRules().stream().anyMatch(bad)) {
                            out.report(ObjectRef.of(r), "Role " + message);
                        }
                    }
                    for (ClusterRole r : inv.all(ClusterRole.class)) {
                        if (!builtIn(r) && r.getRules() != null && r.getRules().stream().anyMatch(bad)) {
                            out.report(ObjectRef.of(r), "ClusterRole " + message);
                        }
                    }
                });
    }

    private static Check.Rule clusterAdmin(String subjectKind) {
        return (inv, out) -> {
            for (Binding b : bindings(inv)) {
                if (!"cluster-admin".equals(b.role().getName()) || !"ClusterRole".equals(b.role().getKind())) {
                    continue;
                }
                for (Subject s : b.subjects()) {
                    if (subjectKind.equals(s.getKind()) && !"system:masters".equals(s.getName())
                            && !(s.getNamespace() != null && Inventory.isSystemNamespace(s.getNamespace()))) {
                        out.report(ObjectRef.of(b.object()), "binds cluster-admin to " + subjectKind + " "
                                + (s.getNamespace() == null ? "" : s.getNamespace() + "/") + s.getName());
                    }
                }
            }
        };
    }
}
