package io.flotilla.search;

import static io.flotilla.platform.JsonText.quote;

/**
 * Renders a stored object for the API without parsing it into a tree: one pass over its JSON text
 * that puts {@code apiVersion} and {@code kind} first and sets the cluster-name annotation in
 * {@code metadata.annotations}, copying everything else verbatim. Rendering in PostgreSQL
 * ({@code jsonb_set(...)::text}) cost ten times the page's index scan; this costs a few microseconds
 * per object. Pure: no I/O.
 */
final class SearchJson {

    private static final String API_VERSION = "\"apiVersion\"";
    private static final String KIND = "\"kind\"";
    private static final String METADATA = "\"metadata\"";
    private static final String ANNOTATIONS = "\"annotations\"";
    private static final String CLUSTER = quote(SearchSql.CLUSTER_ANNOTATION);

    private SearchJson() {}

    /**
     * The object with {@code apiVersion} and {@code kind} set (replacing stored values) and the
     * cluster-name annotation set to {@code cluster} (metadata copied as stored when {@code cluster} is null).
     *
     * @param object a JSON object (as PostgreSQL writes jsonb, or any valid JSON object text)
     * @throws IllegalArgumentException when {@code object} is not a JSON object
     */
    static String object(String object, String apiVersion, String kind, String cluster) {
        StringBuilder out = new StringBuilder(object.length() + 96 + (cluster == null ? 0 : cluster.length()));
        out.append('{').append(API_VERSION).append(':').append(quote(apiVersion)).append(',').append(KIND).append(':')
                .append(quote(kind));
        Scanner s = new Scanner(object);
        s.open('{');
        boolean metadata = false;
        while (s.nextMember()) {
            if (s.keyIs(API_VERSION) || s.keyIs(KIND)) {
                continue;
            }
            out.append(',');
            if (s.keyIs(METADATA) && s.valueIsObject() && cluster != null) {
                metadata = true;
                out.append(METADATA).append(':');
                metadata(object.substring(s.valueStart, s.valueEnd), cluster, out);
            } else {
                out.append(object, s.keyStart, s.valueEnd);
            }
        }
        if (!metadata && cluster != null) {
            out.append(',').append(METADATA).append(":{").append(ANNOTATIONS).append(":{").append(CLUSTER).append(':')
                    .append(quote(cluster)).append("}}");
        }
        return out.append('}').toString();
    }

    /**
     * A metadata-only rendering: {@code {"apiVersion", "kind", "metadata"}} with the annotation set.
     *
     * @param metadata the stored {@code metadata} object, or null
     */
    static String metadataOnly(String metadata, String apiVersion, String kind, String cluster) {
        StringBuilder out = new StringBuilder((metadata == null ? 0 : metadata.length()) + 128);
        out.append('{').append(API_VERSION).append(':').append(quote(apiVersion)).append(',').append(KIND).append(':')
                .append(quote(kind)).append(',').append(METADATA).append(':');
        metadata(metadata == null || metadata.equals("null") ? "{}" : metadata, cluster, out);
        return out.append('}').toString();
    }

    /** The metadata object with {@code annotations[CLUSTER] = cluster}. */
    private static void metadata(String metadata, String cluster, StringBuilder out) {
        Scanner s = new Scanner(metadata);
        s.open('{');
        out.append('{');
        boolean first = true;
        boolean annotations = false;
        while (s.nextMember()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            if (s.keyIs(ANNOTATIONS)) {
                annotations = true;
                out.append(ANNOTATIONS).append(':');
                annotations(s.valueIsObject() ? metadata.substring(s.valueStart, s.valueEnd) : "{}", cluster, out);
            } else {
                out.append(metadata, s.keyStart, s.valueEnd);
            }
        }
        if (!annotations) {
            out.append(first ? "" : ",").append(ANNOTATIONS).append(":{").append(CLUSTER).append(':')
                    .append(quote(cluster)).append('}');
        }
        out.append('}');
    }

    private static void annotations(String annotations, String cluster, StringBuilder out) {
        Scanner s = new Scanner(annotations);
        s.open('{');
        out.append('{');
        while (s.nextMember()) {
            if (!s.keyIs(CLUSTER)) {
                out.append(annotations, s.keyStart, s.valueEnd).append(',');
            }
        }
        out.append(CLUSTER).append(':').append(quote(cluster)).append('}');
    }


    /** Walks the members of one JSON object: key and value bounds, values skipped without parsing. */
    private static final class Scanner {
        private final String s;
        private int i;
        int keyStart;
        int keyEnd;
        int valueStart;
        int valueEnd;

        Scanner(String s) {
            this.s = s;
        }

        void open(char c) {
            ws();
            if (i >= s.length() || s.charAt(i) != c) {
                throw bad("expected '" + c + "'");
            }
            i++;
        }

        /** Moves to the next member; false at the closing brace. */
        boolean nextMember() {
            ws();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                ws();
            }
            if (i >= s.length()) {
                throw bad("unterminated object");
            }
            if (s.charAt(i) == '}') {
                i++;
                return false;
            }
            keyStart = i;
            keyEnd = string(i);
            i = keyEnd;
            ws();
            if (i >= s.length() || s.charAt(i) != ':') {
                throw bad("expected ':'");
            }
            i++;
            ws();
            valueStart = i;
            valueEnd = value(i);
            i = valueEnd;
            return true;
        }

        boolean keyIs(String quoted) {
            return keyEnd - keyStart == quoted.length() && s.startsWith(quoted, keyStart);
        }

        boolean valueIsObject() {
            return s.charAt(valueStart) == '{';
        }

        private void ws() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n' || s.charAt(i) == '\r'
                    || s.charAt(i) == '\t')) {
                i++;
            }
        }

        /** End (exclusive) of the string literal starting at {@code at} (indexOf: the JIT vectorises it). */
        private int string(int at) {
            if (at >= s.length() || s.charAt(at) != '"') {
                throw bad("expected a string");
            }
            int j = at + 1;
            while (true) {
                int q = s.indexOf('"', j);
                if (q < 0) {
                    throw bad("unterminated string");
                }
                int backslashes = 0;
                for (int b = q - 1; b > at && s.charAt(b) == '\\'; b--) {
                    backslashes++;
                }
                if ((backslashes & 1) == 0) {
                    return q + 1;
                }
                j = q + 1;
            }
        }

        /** End (exclusive) of the value starting at {@code at}. */
        private int value(int at) {
            if (at >= s.length()) {
                throw bad("expected a value");
            }
            char c = s.charAt(at);
            if (c == '"') {
                return string(at);
            }
            if (c == '{' || c == '[') {
                int depth = 0;
                for (int j = at; j < s.length(); j++) {
                    char d = s.charAt(j);
                    if (d == '"') {
                        j = string(j) - 1;
                    } else if (d == '{' || d == '[') {
                        depth++;
                    } else if (d == '}' || d == ']') {
                        if (--depth == 0) {
                            return j + 1;
                        }
                    }
                }
                throw bad("unterminated " + (c == '{' ? "object" : "array"));
            }
            int j = at;
            while (j < s.length() && ",}] \t\r\n".indexOf(s.charAt(j)) < 0) {
                j++;
            }
            if (j == at) {
                throw bad("expected a value");
            }
            return j;
        }

        private IllegalArgumentException bad(String what) {
            return new IllegalArgumentException("not a JSON object (" + what + " at " + i + ")");
        }
    }
}
