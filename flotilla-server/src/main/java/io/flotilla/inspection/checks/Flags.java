package io.flotilla.inspection.checks;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line flags of a control plane component (kubeadm static pods: {@code kube-apiserver
 * --anonymous-auth=false ...}). Pure parsing.
 *
 * @param values flag name (without dashes) to value; {@code "true"} for flags given without a value
 */
record Flags(Map<String, String> values) {

    static Flags of(Pod pod) {
        Map<String, String> values = new HashMap<>();
        if (pod.getSpec() != null && pod.getSpec().getContainers() != null && !pod.getSpec().getContainers().isEmpty()) {
            Container c = pod.getSpec().getContainers().getFirst();
            List<String> words = new ArrayList<>();
            if (c.getCommand() != null) {
                words.addAll(c.getCommand());
            }
            if (c.getArgs() != null) {
                words.addAll(c.getArgs());
            }
            for (String w : words) {
                if (!w.startsWith("--")) {
                    continue;
                }
                int eq = w.indexOf('=');
                if (eq < 0) {
                    values.put(w.substring(2), "true");
                } else {
                    values.put(w.substring(2, eq), w.substring(eq + 1));
                }
            }
        }
        return new Flags(Map.copyOf(values));
    }

    Optional<String> get(String flag) {
        return Optional.ofNullable(values.get(flag));
    }

    boolean has(String flag) {
        return values.containsKey(flag) && !values.get(flag).isBlank();
    }

    boolean is(String flag, String value) {
        return value.equals(values.get(flag));
    }

    /** The comma-separated values of a flag. */
    Set<String> list(String flag) {
        String v = values.get(flag);
        return v == null || v.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(v.split(",")));
    }
}
