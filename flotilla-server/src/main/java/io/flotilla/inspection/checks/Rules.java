package io.flotilla.inspection.checks;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/** Small building blocks shared by the check classes. Pure. */
final class Rules {

    private Rules() {}

    static Check check(String id, String title, Category category, Severity severity, String rationale,
            String remediation, List<String> references, Check.Rule rule) {
        return new Check(id, title, category, severity, rationale, remediation, references, rule);
    }

    static List<String> refs(String... refs) {
        return List.of(refs);
    }

    /** Workloads in user namespaces (system namespaces are the platform's concern, not the tenant's). */
    static List<Workload> userWorkloads(Inventory inv) {
        return inv.workloads().stream().filter(w -> !Inventory.isSystemNamespace(w.namespace())).toList();
    }

    /** A rule that reports each container (init and regular) of user workloads matching {@code bad}. */
    static Check.Rule containers(BiPredicate<Workload, Container> bad, BiFunction<Workload, Container, String> message) {
        return (inv, out) -> {
            for (Workload w : userWorkloads(inv)) {
                for (Container c : w.allContainers()) {
                    if (bad.test(w, c)) {
                        out.report(w.ref(), message.apply(w, c));
                    }
                }
            }
        };
    }

    /** Like {@link #containers} for regular containers of long-running workloads only (probes). */
    static Check.Rule serving(BiPredicate<Workload, Container> bad, BiFunction<Workload, Container, String> message) {
        return (inv, out) -> {
            for (Workload w : userWorkloads(inv)) {
                if (!w.longRunning()) {
                    continue;
                }
                for (Container c : w.containers()) {
                    if (bad.test(w, c)) {
                        out.report(w.ref(), message.apply(w, c));
                    }
                }
            }
        };
    }

    /** A rule that reports each user workload matching {@code bad}. */
    static Check.Rule workloads(Predicate<Workload> bad, Function<Workload, String> message) {
        return (inv, out) -> {
            for (Workload w : userWorkloads(inv)) {
                if (bad.test(w)) {
                    out.report(w.ref(), message.apply(w));
                }
            }
        };
    }

    static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    static boolean isFalse(Boolean b) {
        return Boolean.FALSE.equals(b);
    }

    /** A resource amount in base units (cores, bytes); null when absent. */
    static BigDecimal amount(Map<String, Quantity> resources, String name) {
        if (resources == null) {
            return null;
        }
        Quantity q = resources.get(name);
        if (q == null) {
            return null;
        }
        try {
            return q.getNumericalAmount();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static BigDecimal request(Container c, String resource) {
        return c.getResources() == null ? null : amount(c.getResources().getRequests(), resource);
    }

    static BigDecimal limit(Container c, String resource) {
        return c.getResources() == null ? null : amount(c.getResources().getLimits(), resource);
    }

    static String percent(double ratio) {
        return Math.round(ratio * 100) + "%";
    }
}
