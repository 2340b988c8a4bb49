package io.flotilla.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One object as the index stores it: the row's columns and the object with managedFields stripped (and,
 * for Secrets, without {@code data}, {@code stringData} and the last-applied annotation that would repeat
 * them). Pure logic.
 *
 * @param namespace '' for cluster-scoped objects
 * @param ownerUid uid of the controller owner reference, or null
 * @param labels metadata.labels as JSON text
 * @param createdAt metadata.creationTimestamp (RFC 3339) or null
 * @param object the stored object as JSON text
 */
public record IndexDocument(String namespace, String name, String uid, String ownerUid, String labels,
        String resourceVersion, String createdAt, String object) {

    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    /**
     * Converts an object from a LIST or WATCH of {@code type}; modifies {@code object}. Returns null when it
     * has no name (not a Kubernetes object).
     */
    public static IndexDocument of(IndexType type, ObjectNode object, ObjectMapper json) {
        JsonNode metaNode = object.get("metadata");
        if (!(metaNode instanceof ObjectNode meta) || !meta.hasNonNull("name")) {
            return null;
        }
        meta.remove("managedFields");
        if (type.isSecret()) {
            object.remove("data");
            object.remove("stringData");
            if (meta.get("annotations") instanceof ObjectNode annotations) {
                annotations.remove(LAST_APPLIED);
            }
        }
        if (!object.has("apiVersion")) {
            object.put("apiVersion", type.apiVersion());
        }
        if (!object.has("kind")) {
            object.put("kind", type.kind());
        }
        String ownerUid = null;
        for (JsonNode ref : meta.path("ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                ownerUid = text(ref, "uid");
                break;
            }
        }
        JsonNode labels = meta.get("labels");
        try {
            return new IndexDocument(type.namespaced() ? meta.path("namespace").asText("") : "",
                    meta.get("name").asText(), meta.path("uid").asText(""), ownerUid,
                    labels instanceof ObjectNode ? json.writeValueAsString(labels) : "{}",
                    meta.path("resourceVersion").asText(""), text(meta, "creationTimestamp"),
                    json.writeValueAsString(object));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type.groupResource() + " " + meta.get("name"), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    /**
     * Whether resourceVersion {@code a} is newer than {@code b}. Kubernetes resourceVersions are opaque but
     * are decimal integers (etcd revisions) in every API server; they are compared as numbers by length,
     * then digits, which is also what the index's SQL guard does.
     */
    public static boolean newer(String a, String b) {
        if (a.length() != b.length()) {
            return a.length() > b.length();
        }
        return a.compareTo(b) > 0;
    }
}
