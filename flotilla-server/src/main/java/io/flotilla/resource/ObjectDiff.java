package io.flotilla.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Paths where two Kubernetes objects (as maps) differ, ignoring what the server manages
 * (resourceVersion, managedFields, generation, uid, creationTimestamp, status). Pure.
 */
public final class ObjectDiff {

    private static final List<String> IGNORED = List.of("metadata.resourceVersion", "metadata.managedFields",
            "metadata.generation", "metadata.uid", "metadata.creationTimestamp", "status");

    private ObjectDiff() {}

    /** Paths like {@code spec.replicas} or {@code spec.template.spec.containers[0].image}, sorted. */
    public static List<String> paths(Object live, Object next) {
        List<String> out = new ArrayList<>();
        walk("", live, next, out);
        return out.stream().filter(p -> IGNORED.stream().noneMatch(i -> p.equals(i) || p.startsWith(i + ".")
                || p.startsWith(i + "["))).toList();
    }

    private static void walk(String path, Object a, Object b, List<String> out) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            TreeSet<String> keys = new TreeSet<>();
            ma.keySet().forEach(k -> keys.add(String.valueOf(k)));
            mb.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String k : keys) {
                walk(path.isEmpty() ? k : path + "." + k, ma.get(k), mb.get(k), out);
            }
        } else if (a instanceof List<?> la && b instanceof List<?> lb) {
            for (int i = 0; i < Math.max(la.size(), lb.size()); i++) {
                walk(path + "[" + i + "]", i < la.size() ? la.get(i) : null, i < lb.size() ? lb.get(i) : null, out);
            }
        } else if (!equalScalars(a, b)) {
            out.add(path);
        }
    }

    private static boolean equalScalars(Object a, Object b) {
        if (a instanceof Number na && b instanceof Number nb) {
            return na.toString().equals(nb.toString()) || Double.compare(na.doubleValue(), nb.doubleValue()) == 0;
        }
        return Objects.equals(a, b);
    }
}
