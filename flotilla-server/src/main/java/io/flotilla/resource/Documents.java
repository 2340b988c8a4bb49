package io.flotilla.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Splits a YAML (or JSON) body into Kubernetes object documents and checks each has what every
 * write needs. Pure: problems are returned, not thrown, so callers can refuse before any write.
 */
public final class Documents {

    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private Documents() {}

    /**
     * One document of the body.
     *
     * @param index 1-based position in the body
     * @param object the parsed object, or null when {@code problem} is set
     * @param problem what is wrong with it, or null
     */
    public record Document(int index, Map<String, Object> object, String problem) {
        public String apiVersion() {
            return (String) object.get("apiVersion");
        }

        public String kind() {
            return (String) object.get("kind");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> metadata() {
            return (Map<String, Object>) object.get("metadata");
        }

        public String name() {
            return (String) metadata().get("name");
        }

        public String namespace() {
            Object ns = metadata().get("namespace");
            return ns instanceof String s && !s.isBlank() ? s : null;
        }
    }

    /** Parses every document; empty documents are skipped; a {@code List} kind is expanded. */
    @SuppressWarnings("unchecked")
    public static List<Document> parse(String body) {
        List<Document> out = new ArrayList<>();
        if (body == null || body.isBlank()) {
            out.add(new Document(1, null, "the body is empty: send one or more Kubernetes objects as YAML or JSON"));
            return out;
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(16 * 1024 * 1024);
        int index = 0;
        try {
            for (Object doc : new Yaml(new SafeConstructor(options)).loadAll(body)) {
                if (doc == null) {
                    continue;
                }
                if (doc instanceof Map<?, ?> map && "List".equals(map.get("kind")) && map.get("items") instanceof List<?> items) {
                    for (Object item : items) {
                        index++;
                        out.add(check(index, item));
                    }
                } else {
                    index++;
                    out.add(check(index, doc));
                }
            }
        } catch (YAMLException e) {
            String msg = e.getMessage() == null ? "unreadable" : e.getMessage().replace('\n', ' ');
            out.add(new Document(index + 1, null, "is not valid YAML: " + (msg.length() > 300 ? msg.substring(0, 300) : msg)));
        }
        if (out.isEmpty()) {
            out.add(new Document(1, null, "the body holds no objects"));
        }
        return out;
    }

    public static boolean isValidName(String name) {
        return name != null && name.length() <= 253 && DNS1123_SUBDOMAIN.matcher(name).matches();
    }

    @SuppressWarnings("unchecked")
    private static Document check(int index, Object doc) {
        if (!(doc instanceof Map<?, ?> raw)) {
            return new Document(index, null, "is not an object (a YAML mapping with apiVersion, kind and metadata)");
        }
        Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) raw);
        if (!(map.get("apiVersion") instanceof String av) || av.isBlank()) {
            return new Document(index, null, "has no apiVersion");
        }
        if (!(map.get("kind") instanceof String k) || k.isBlank()) {
            return new Document(index, null, "has no kind");
        }
        if (!(map.get("metadata") instanceof Map<?, ?> meta)) {
            return new Document(index, null, "has no metadata");
        }
        Object name = meta.get("name");
        if (!(name instanceof String n) || n.isBlank()) {
            return new Document(index, null, "has no metadata.name");
        }
        if (!isValidName(n)) {
            return new Document(index, null, "metadata.name '" + n + "' is not a valid name: lower-case letters, "
                    + "digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters");
        }
        map.put("metadata", new LinkedHashMap<>((Map<String, Object>) meta));
        return new Document(index, map, null);
    }
}
