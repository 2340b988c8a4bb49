package io.flotilla.resource;

import java.util.List;

/**
 * A list as kubectl prints it: the cluster's own server-side table (its printer columns, CRDs
 * included), so list views show what operators know from {@code kubectl get}.
 *
 * @param columns column definitions; priority 0 columns are the default ones, higher ones appear in wide views
 * @param rows one row per object, cells in column order
 * @param continueToken pass as {@code continue} for the next page; null on the last page
 */
public record ResourceTable(List<Column> columns, List<Row> rows, String continueToken) {

    /** A column: name, type (string, integer, date…) and priority. */
    public record Column(String name, String type, String description, int priority) {}

    /** One object's row. */
    public record Row(String namespace, String name, List<Object> cells) {}
}
