package io.flotilla.inspection.checks;

import static io.flotilla.inspection.checks.Category.NETWORKING;
import static io.flotilla.inspection.checks.Rules.check;
import static io.flotilla.inspection.checks.Rules.refs;
import static io.flotilla.inspection.checks.Severity.CRITICAL;
import static io.flotilla.inspection.checks.Severity.INFO;
import static io.flotilla.inspection.checks.Severity.WARNING;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Services, endpoints, ingresses and network policies. */
final class NetworkChecks {

    private NetworkChecks() {}

    static List<Check> all() {
        return List.of(
                check("NET-001", "Service without ready endpoints", NETWORKING, WARNING,
                        "A Service whose Endpoints have no ready address drops every connection.",
                        "Make the selected pods ready, or fix the selector.", refs("Kubernetes docs: Debug services"),
                        (inv, out) -> {
                            for (Service s : selectorServices(inv)) {
                                if (!selected(inv, s).isEmpty()
                                        && !hasReadyEndpoints(inv, s.getMetadata().getNamespace(), s.getMetadata().getName())) {
                                    out.report(ObjectRef.of(s), "no ready endpoints");
                                }
                            }
                        }),
                check("NET-002", "Service selects no pods", NETWORKING, WARNING,
                        "The Service's selector matches no pod at all: usually a label typo or a deleted workload.",
                        "Fix the selector to match the pods' labels, or delete the Service.", refs("Kubernetes docs: Services"),
                        (inv, out) -> {
                            for (Service s : selectorServices(inv)) {
                                if (selected(inv, s).isEmpty()) {
                                    out.report(ObjectRef.of(s), "selector " + s.getSpec().getSelector() + " matches no pods");
                                }
                            }
                        }),
                check("NET-003", "Service targets an unknown named port", NETWORKING, WARNING,
                        "A named targetPort that no selected container declares leaves the Service without endpoints for that port.",
                        "Name the container port, or use a numeric targetPort.", refs("Kubernetes docs: Services"),
                        (inv, out) -> {
                            for (Service s : selectorServices(inv)) {
                                List<Pod> pods = selected(inv, s);
                                if (pods.isEmpty() || s.getSpec().getPorts() == null) {
                                    continue;
                                }
                                for (ServicePort p : s.getSpec().getPorts()) {
                                    if (p.getTargetPort() != null && p.getTargetPort().getStrVal() != null
                                            && pods.stream().noneMatch(pod -> declares(pod, p.getTargetPort().getStrVal()))) {
                                        out.report(ObjectRef.of(s), "targetPort '" + p.getTargetPort().getStrVal() + "' is not declared by its pods");
                                    }
                                }
                            }
                        }),
                check("NET-004", "Ingress backend service missing", NETWORKING, CRITICAL,
                        "An Ingress pointing at a missing Service answers 503 for that path.",
                        "Create the Service or fix the backend.", refs("Kubernetes docs: Ingress"),
                        backends((inv, i, b, out) -> {
                            if (inv.get(Service.class, i.getMetadata().getNamespace(), b.getService().getName()) == null) {
                                out.report(ObjectRef.of(i), "backend service '" + b.getService().getName() + "' does not exist");
                            }
                        })),
                check("NET-005", "Ingress backend port missing", NETWORKING, CRITICAL,
                        "The backend names a port the Service does not expose.",
                        "Use one of the Service's port numbers or names.", refs("Kubernetes docs: Ingress"),
                        backends((inv, i, b, out) -> {
                            Service s = inv.get(Service.class, i.getMetadata().getNamespace(), b.getService().getName());
                            var port = b.getService().getPort();
                            if (s != null && port != null && s.getSpec().getPorts() != null && s.getSpec().getPorts().stream()
                                    .noneMatch(p -> (port.getNumber() != null && port.getNumber().equals(p.getPort()))
                                            || (port.getName() != null && port.getName().equals(p.getName())))) {
                                out.report(ObjectRef.of(i), "service '" + s.getMetadata().getName() + "' has no port "
                                        + (port.getNumber() != null ? port.getNumber() : port.getName()));
                            }
                        })),
                check("NET-006", "Ingress without TLS", NETWORKING, WARNING,
                        "Traffic to the Ingress travels in clear text.", "Add spec.tls with a certificate secret (cert-manager).",
                        refs("NSA-CISA: Encryption"),
                        (inv, out) -> {
                            for (Ingress i : inv.all(Ingress.class)) {
                                if (i.getSpec() != null && (i.getSpec().getTls() == null || i.getSpec().getTls().isEmpty())) {
                                    out.report(ObjectRef.of(i), "no TLS configured");
                                }
                            }
                        }),
                check("NET-007", "Ingress TLS secret missing", NETWORKING, CRITICAL,
                        "The controller falls back to its default certificate, so clients see certificate errors.",
                        "Create the TLS secret or fix secretName.", refs("Kubernetes docs: Ingress TLS"),
                        (inv, out) -> {
                            for (Ingress i : inv.all(Ingress.class)) {
                                if (i.getSpec() != null && i.getSpec().getTls() != null) {
                                    for (IngressTLS t : i.getSpec().getTls()) {
                                        if (t.getSecretName() != null && !inv.has(Secret.class, i.getMetadata().getNamespace(), t.getSecretName())) {
                                            out.report(ObjectRef.of(i), "TLS secret '" + t.getSecretName() + "' does not exist");
                                        }
                                    }
                                }
                            }
                        }),
                check("NET-008", "Ingress class missing", NETWORKING, WARNING,
                        "An Ingress naming no existing IngressClass (and no default class) is served by no controller.",
                        "Set ingressClassName to an installed class, or mark one class as default.", refs("Kubernetes docs: Ingress class"),
                        (inv, out) -> {
                            boolean hasDefault = inv.all(IngressClass.class).stream().anyMatch(c -> "true".equals(
                                    Inventory.annotations(c).get("ingressclass.kubernetes.io/is-default-class")));
                            for (Ingress i : inv.all(Ingress.class)) {
                                String cls = i.getSpec() == null ? null : i.getSpec().getIngressClassName();
                                if (cls == null) {
                                    cls = Inventory.annotations(i).get("kubernetes.io/ingress.class");
                                }
                                if (cls == null ? !hasDefault : !inv.has(IngressClass.class, null, cls)) {
                                    out.report(ObjectRef.of(i), cls == null ? "no ingress class and no default class"
                                            : "ingress class '" + cls + "' does not exist");
                                }
                            }
                        }),
                check("NET-009", "Namespace without NetworkPolicy", NETWORKING, WARNING,
                        "Without any NetworkPolicy every pod accepts traffic from every other pod in the cluster.",
                        "Add a default-deny policy and allow what the namespace needs.", refs("CIS 5.3.2", "NSA-CISA: Network separation"),
                        (inv, out) -> {
                            for (Namespace n : inv.userNamespaces()) {
                                if (inv.in(NetworkPolicy.class, n.getMetadata().getName()).isEmpty()
                                        && !inv.in(Pod.class, n.getMetadata().getName()).isEmpty()) {
                                    out.report(ObjectRef.of(n), "no NetworkPolicy");
                                }
                            }
                        }),
                check("NET-010", "NetworkPolicy selects no pods", NETWORKING, INFO,
                        "A policy whose podSelector matches nothing protects nothing; usually a label typo.",
                        "Fix podSelector.", refs("Kubernetes docs: Network policies"),
                        (inv, out) -> {
                            for (NetworkPolicy p : inv.all(NetworkPolicy.class)) {
                                Map<String, String> sel = p.getSpec().getPodSelector() == null ? Map.of()
                                        : p.getSpec().getPodSelector().getMatchLabels();
                                if (sel != null && !sel.isEmpty() && (p.getSpec().getPodSelector().getMatchExpressions() == null
                                        || p.getSpec().getPodSelector().getMatchExpressions().isEmpty())
                                        && inv.in(Pod.class, p.getMetadata().getNamespace()).stream()
                                        .noneMatch(pod -> Inventory.selects(sel, Inventory.labels(pod)))) {
                                    out.report(ObjectRef.of(p), "podSelector " + sel + " matches no pods");
                                }
                            }
                        }),
                check("NET-011", "NetworkPolicy allows all ingress", NETWORKING, WARNING,
                        "An ingress rule with no from clause admits traffic from everywhere, defeating the policy.",
                        "List the allowed sources (podSelector, namespaceSelector, ipBlock).", refs("NSA-CISA: Network separation"),
                        (inv, out) -> {
                            for (NetworkPolicy p : inv.all(NetworkPolicy.class)) {
                                if (p.getSpec().getIngress() != null && p.getSpec().getIngress().stream()
                                        .anyMatch(r -> r.getFrom() == null || r.getFrom().isEmpty())) {
                                    out.report(ObjectRef.of(p), "an ingress rule allows every source");
                                }
                            }
                        }),
                check("NET-012", "LoadBalancer open to the internet", NETWORKING, WARNING,
                        "A LoadBalancer Service without loadBalancerSourceRanges accepts connections from any address.",
                        "Set loadBalancerSourceRanges, or put it behind an Ingress with authentication.", refs("NSA-CISA: Network separation"),
                        services((s, out) -> {
                            if ("LoadBalancer".equals(s.getSpec().getType()) && (s.getSpec().getLoadBalancerSourceRanges() == null
                                    || s.getSpec().getLoadBalancerSourceRanges().isEmpty())) {
                                out.report(ObjectRef.of(s), "LoadBalancer without source ranges");
                            }
                        })),
                check("NET-013", "NodePort service", NETWORKING, INFO,
                        "NodePort opens a port on every node, often outside firewall rules people know about.",
                        "Prefer ClusterIP behind an Ingress or a LoadBalancer.", refs("NSA-CISA: Network separation"),
                        services((s, out) -> {
                            if ("NodePort".equals(s.getSpec().getType())) {
                                out.report(ObjectRef.of(s), "exposed on every node's port");
                            }
                        })),
                check("NET-014", "Service with externalIPs", NETWORKING, WARNING,
                        "externalIPs let any namespace user intercept traffic to arbitrary addresses (CVE-2020-8554).",
                        "Remove externalIPs; block them with the DenyServiceExternalIPs admission plugin.", refs("CVE-2020-8554"),
                        services((s, out) -> {
                            if (s.getSpec().getExternalIPs() != null && !s.getSpec().getExternalIPs().isEmpty()) {
                                out.report(ObjectRef.of(s), "externalIPs " + s.getSpec().getExternalIPs());
                            }
                        })),
                check("NET-015", "ExternalName service", NETWORKING, INFO,
                        "ExternalName services redirect cluster DNS names to arbitrary hosts and bypass NetworkPolicy.",
                        "Make sure the target is intended; restrict who may create such Services.", refs("Kubernetes docs: Services"),
                        services((s, out) -> {
                            if ("ExternalName".equals(s.getSpec().getType())) {
                                out.report(ObjectRef.of(s), "resolves to " + s.getSpec().getExternalName());
                            }
                        })),
                check("NET-016", "Duplicate ingress host and path", NETWORKING, WARNING,
                        "Two Ingresses claiming the same host and path: which backend wins depends on the controller.",
                        "Keep each host/path in one Ingress.", refs("Kubernetes docs: Ingress"),
                        (inv, out) -> {
                            Map<String, String> seen = new HashMap<>();
                            for (Ingress i : inv.all(Ingress.class)) {
                                if (i.getSpec() == null || i.getSpec().getRules() == null) {
                                    continue;
                                }
                                for (IngressRule r : i.getSpec().getRules()) {
                                    if (r.getHttp() == null) {
                                        continue;
                                    }
                                    for (HTTPIngressPath p : r.getHttp().getPaths()) {
                                        String key = r.getHost() + (p.getPath() == null ? "/" : p.getPath());
                                        String self = i.getMetadata().getNamespace() + "/" + i.getMetadata().getName();
                                        String other = seen.putIfAbsent(key, self);
                                        if (other != null && !other.equals(self)) {
                                            out.report(ObjectRef.of(i), key + " is also claimed by " + other);
                                        }
                                    }
                                }
                            }
                        }));
    }

    static boolean hasReadyEndpoints(Inventory inv, String namespace, String name) {
        Endpoints e = inv.get(Endpoints.class, namespace, name);
        if (e == null || e.getSubsets() == null) {
            return false;
        }
        for (EndpointSubset s : e.getSubsets()) {
            if (s.getAddresses() != null && !s.getAddresses().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static List<Service> selectorServices(Inventory inv) {
        return inv.all(Service.class).stream().filter(s -> s.getSpec() != null && s.getSpec().getSelector() != null
                && !s.getSpec().getSelector().isEmpty() && !"ExternalName".equals(s.getSpec().getType())).toList();
    }

    static List<Pod> selected(Inventory inv, Service s) {
        List<Pod> pods = new ArrayList<>();
        for (Pod p : inv.in(Pod.class, s.getMetadata().getNamespace())) {
            if (Inventory.selects(s.getSpec().getSelector(), Inventory.labels(p)) && NodeChecks.active(p)) {
                pods.add(p);
            }
        }
        return pods;
    }

    private static boolean declares(Pod pod, String portName) {
        if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
            return false;
        }
        for (Container c : pod.getSpec().getContainers()) {
            if (c.getPorts() != null) {
                for (ContainerPort p : c.getPorts()) {
                    if (portName.equals(p.getName())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    interface BackendRule {
        void check(Inventory inv, Ingress ingress, IngressBackend backend, Check.Sink out);
    }

    private static Check.Rule backends(BackendRule rule) {
        return (inv, out) -> {
            for (Ingress i : inv.all(Ingress.class)) {
                if (i.getSpec() == null) {
                    continue;
                }
                List<IngressBackend> all = new ArrayList<>();
                if (i.getSpec().getDefaultBackend() != null) {
                    all.add(i.getSpec().getDefaultBackend());
                }
                if (i.getSpec().getRules() != null) {
                    for (IngressRule r : i.getSpec().getRules()) {
                        if (r.getHttp() != null && r.getHttp().getPaths() != null) {
                            r.getHttp().getPaths().forEach(p -> all.add(p.getBackend()));
                        }
                    }
                }
                for (IngressBackend b : all) {
                    if (b != null && b.getService() != null) {
                        rule.check(inv, i, b, out);
                    }
                }
            }
        };
    }

    private static Check.Rule services(BiConsumer<Service, Check.Sink> rule) {
        return (inv, out) -> {
            for (Service s : inv.all(Service.class)) {
                if (s.getSpec() != null) {
                    rule.accept(s, out);
                }
            }
        };
    }
}
