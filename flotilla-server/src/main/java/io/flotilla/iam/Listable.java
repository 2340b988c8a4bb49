package io.flotilla.iam;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a principal may list a resource type: everywhere ({@code all}), in every namespace of some
 * clusters, and in some namespaces of other clusters. List and search endpoints turn this into a
 * SQL filter.
 *
 * @param all true when unrestricted (a platform role allows it): ignore the other fields
 * @param clusters clusters where the principal may list the resource in every namespace
 * @param namespaces per cluster, the namespaces where the principal may list the resource
 */
public record Listable(boolean all, Set<String> clusters, Map<String, Set<String>> namespaces) {

    public Listable {
        clusters = Set.copyOf(clusters);
        Map<String, Set<String>> copy = new TreeMap<>();
        namespaces.forEach((c, ns) -> copy.put(c, Set.copyOf(ns)));
        namespaces = Map.copyOf(copy);
    }

    public static Listable everything() {
        return new Listable(true, Set.of(), Map.of());
    }

    public static Listable nothing() {
        return new Listable(false, Set.of(), Map.of());
    }

    /** Every cluster in which something may be listed (whole or some namespaces), sorted. */
    public Set<String> anyClusters() {
        Set<String> all = new TreeSet<>(clusters);
        all.addAll(namespaces.keySet());
        return all;
    }

    public boolean allows(String cluster, String namespace) {
        if (all || clusters.contains(cluster)) {
            return true;
        }
        return namespace != null && namespaces.getOrDefault(cluster, Set.of()).contains(namespace);
    }

    public boolean isEmpty() {
        return !all && clusters.isEmpty() && namespaces.isEmpty();
    }

    /**
     * A SQL condition (for JdbcClient named parameters) that keeps only the rows this allows.
     *
     * @param sql the condition, e.g. {@code (cluster = ANY(:p_c) OR (cluster, namespace) IN ...)};
     *     {@code true} when unrestricted, {@code false} when nothing is allowed
     * @param params the named parameters it uses
     */
    public record SqlFilter(String sql, Map<String, Object> params) {}

    /**
     * Turns this into a SQL condition on the given cluster and namespace columns, so list and search
     * endpoints filter in the database.
     *
     * @param prefix prefix for the parameter names, unique within the statement
     */
    public SqlFilter toSql(String clusterColumn, String namespaceColumn, String prefix) {
        if (all) {
            return new SqlFilter("true", Map.of());
        }
        if (isEmpty()) {
            return new SqlFilter("false", Map.of());
        }
        StringBuilder sql = new StringBuilder("(");
        Map<String, Object> params = new TreeMap<>();
        String or = "";
        if (!clusters.isEmpty()) {
            sql.append(clusterColumn).append(" = ANY(:").append(prefix).append("_c)");
            params.put(prefix + "_c", clusters.stream().sorted().toArray(String[]::new));
            or = " OR ";
        }
        int i = 0;
        for (Map.Entry<String, Set<String>> e : new TreeMap<>(namespaces).entrySet()) {
            String c = prefix + "_nc" + i;
            String n = prefix + "_nn" + i;
            sql.append(or).append("(").append(clusterColumn).append(" = :").append(c).append(" AND ")
                    .append(namespaceColumn).append(" = ANY(:").append(n).append("))");
            params.put(c, e.getKey());
            params.put(n, e.getValue().stream().sorted().toArray(String[]::new));
            or = " OR ";
            i++;
        }
        return new SqlFilter(sql.append(")").toString(), params);
    }
}
