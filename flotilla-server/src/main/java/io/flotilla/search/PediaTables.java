package io.flotilla.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.ResourceType;
import io.flotilla.sandbox.api.TableConverter;
import io.flotilla.sandbox.store.StoredObject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Server-side tables ({@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}) for search results:
 * kubectl's default columns for the kind (the sandbox's {@link TableConverter}, the same printer the
 * simulated clusters use), with a CLUSTER column in front as Clusterpedia prints it. Pure.
 */
final class PediaTables {

    private final ObjectMapper json = new ObjectMapper();

    /**
     * The table of {@code rows} (objects with the cluster annotation, JSON text).
     *
     * @param fullObject true for {@code includeObject=Object}, else rows carry metadata only
     */
    String table(SearchType type, List<SearchService.Row> rows, String continueToken, Long remaining,
            boolean fullObject, Instant now) {
        ResourceType printed = new ResourceType(type.group(), type.version(), type.resource(), type.singular(),
                type.kind(), type.namespaced(), type.shortNames(), type.categories(), Set.of());
        List<StoredObject> items = new ArrayList<>(rows.size());
        for (SearchService.Row row : rows) {
            items.add(new StoredObject(printed, row.namespace().isEmpty() ? null : row.namespace(), row.name(), 0,
                    parse(row.jsonUtf8())));
        }
        ObjectNode table = TableConverter.table(printed, items, 0, continueToken, fullObject, now);
        ObjectNode meta = (ObjectNode) table.get("metadata");
        meta.put("resourceVersion", "");
        if (remaining != null) {
            meta.put("remainingItemCount", remaining);
        }
        ArrayNode defs = (ArrayNode) table.get("columnDefinitions");
        ObjectNode cluster = json.createObjectNode();
        cluster.put("name", "Cluster");
        cluster.put("type", "string");
        cluster.put("format", "");
        cluster.put("description", "The member cluster the object belongs to");
        cluster.put("priority", 0);
        defs.insert(0, cluster);
        ArrayNode tableRows = (ArrayNode) table.get("rows");
        for (int i = 0; i < rows.size(); i++) {
            ((ArrayNode) tableRows.get(i).get("cells")).insert(0, rows.get(i).cluster());
        }
        try {
            return json.writeValueAsString(table);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a table", e);
        }
    }

    private ObjectNode parse(byte[] text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("the index holds an object that is not JSON", e);
        }
    }
}
