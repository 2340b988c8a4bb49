package io.flotilla.audit;

import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A short, secret-free summary of a request body for the audit log: field names with scalar values,
 * secrets replaced by {@code ***}. Pure functions.
 */
final class Summaries {

    static final int MAX = 1000;
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(password|passwd|secret|token|kubeconfig|credential|private|cert|cadata|apikey|accesskey|^key$).*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Summaries() {}

    static String of(String method, String path, byte[] body, String contentType) {
        StringBuilder b = new StringBuilder(method).append(' ').append(path);
        if (body != null && body.length > 0) {
            b.append(' ');
            if (contentType != null && contentType.contains("json")) {
                try {
                    render(JSON.readTree(body), b, 0);
                } catch (JacksonException e) {
                    b.append("(unparseable body, ").append(body.length).append(" bytes)");
                }
            } else {
                b.append("(").append(body.length).append(" bytes of ").append(contentType).append(")");
            }
        }
        return truncate(b.toString());
    }

    static boolean isSecret(String field) {
        return SECRET.matcher(field).matches();
    }

    private static void render(JsonNode node, StringBuilder b, int depth) {
        if (b.length() > MAX) {
            return;
        }
        if (node.isObject()) {
            if (depth > 3) {
                b.append("{…}");
                return;
            }
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                b.append(e.getKey()).append('=');
                if (isSecret(e.getKey())) {
                    b.append("***");
                } else {
                    render(e.getValue(), b, depth + 1);
                }
            }
            b.append('}');
        } else if (node.isArray()) {
            if (depth > 3 || node.size() > 20) {
                b.append('[').append(node.size()).append(" items]");
                return;
            }
            b.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                render(node.get(i), b, depth + 1);
            }
            b.append(']');
        } else if (node.isNull()) {
            b.append("null");
        } else {
            String text = node.asString();
            b.append(text.length() > 100 ? text.substring(0, 100) + "…" : text);
        }
    }

    static String truncate(String s) {
        return s.length() > MAX ? s.substring(0, MAX) + "…" : s;
    }
}
