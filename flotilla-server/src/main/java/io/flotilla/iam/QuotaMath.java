package io.flotilla.iam;

import io.fabric8.kubernetes.api.model.Quantity;
import io.flotilla.platform.ApiException.FieldError;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Shared-cluster quota arithmetic over Kubernetes quantities. Pure. */
final class QuotaMath {

    /** The quota keys a workspace quota may set (as in a Kubernetes ResourceQuota's spec.hard). */
    static final List<String> KEYS = List.of("requests.cpu", "limits.cpu", "requests.memory", "limits.memory",
            "requests.storage", "persistentvolumeclaims");

    private QuotaMath() {}

    /** Parses and checks quota values: known keys, valid quantities, not negative. */
    static Map<String, BigDecimal> parse(String field, Map<String, String> hard, List<FieldError> errors) {
        Map<String, BigDecimal> parsed = new TreeMap<>();
        if (hard == null || hard.isEmpty()) {
            errors.add(new FieldError(field, "give at least one of " + String.join(", ", KEYS)));
            return parsed;
        }
        hard.forEach((key, value) -> {
            String f = field + "." + key;
            if (!KEYS.contains(key)) {
                errors.add(new FieldError(f, "unknown quota key; use " + String.join(", ", KEYS)));
                return;
            }
            BigDecimal amount = amount(value);
            if (amount == null) {
                errors.add(new FieldError(f, "'" + value + "' is not a Kubernetes quantity like 500m, 2, 4Gi"));
            } else if (amount.signum() < 0) {
                errors.add(new FieldError(f, "must not be negative"));
            } else if ("persistentvolumeclaims".equals(key) && amount.stripTrailingZeros().scale() > 0) {
                errors.add(new FieldError(f, "must be a whole number"));
            } else {
                parsed.put(key, amount);
            }
        });
        return parsed;
    }

    static BigDecimal amount(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new Quantity(value.trim()).getNumericalAmount();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    /** Sum of several allocations, per key. */
    static Map<String, BigDecimal> sum(Collection<Map<String, String>> allocations) {
        Map<String, BigDecimal> total = new LinkedHashMap<>();
        for (Map<String, String> a : allocations) {
            a.forEach((k, v) -> {
                BigDecimal amount = amount(v);
                if (amount != null) {
                    total.merge(k, amount, BigDecimal::add);
                }
            });
        }
        return total;
    }

    /** Keys where {@code used} exceeds {@code limit}, described; a key absent from the limit is unlimited. */
    static List<String> exceeded(Map<String, BigDecimal> used, Map<String, BigDecimal> limit) {
        return used.entrySet().stream()
                .filter(e -> limit.containsKey(e.getKey()) && e.getValue().compareTo(limit.get(e.getKey())) > 0)
                .map(e -> e.getKey() + " " + plain(e.getValue()) + " > " + plain(limit.get(e.getKey())))
                .toList();
    }

    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
