package io.flotilla.search;

import static io.flotilla.platform.JsonText.quote;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Renders a stored object for the API without parsing it into a tree: one pass over its UTF-8 JSON
 * bytes (as PostgreSQL sends them, never decoded into a string) that puts {@code apiVersion} and
 * {@code kind} first and sets the cluster-name annotation in {@code metadata.annotations}, copying
 * everything else verbatim. Rendering in PostgreSQL ({@code jsonb_set(...)::text}) cost ten times the
 * page's index scan; this costs a few microseconds per object. Scanning bytes is safe for UTF-8: the
 * bytes of a multi-byte character are all ≥ 0x80, so they never look like JSON punctuation. Pure: no I/O.
 */
final class SearchJson {

    private static final byte[] API_VERSION = ascii("\"apiVersion\"");
    private static final byte[] KIND = ascii("\"kind\"");
    private static final byte[] METADATA = ascii("\"metadata\"");
    private static final byte[] ANNOTATIONS = ascii("\"annotations\"");
    private static final byte[] CLUSTER = utf8(quote(SearchSql.CLUSTER_ANNOTATION));
    private static final byte[] NULL = ascii("null");
    private static final byte[] EMPTY_OBJECT = ascii("{}");

    private SearchJson() {}

    /**
     * The object with {@code apiVersion} and {@code kind} set (replacing stored values) and the
     * cluster-name annotation set to {@code cluster} (metadata copied as stored when {@code cluster} is null).
     *
     * @param object the UTF-8 bytes of a JSON object (as PostgreSQL writes jsonb, or any valid JSON object)
     * @return the UTF-8 bytes of the rendered object
     * @throws IllegalArgumentException when {@code object} is not a JSON object
     */
    static byte[] object(byte[] object, String apiVersion, String kind, String cluster) {
        byte[] quotedCluster = cluster == null ? null : utf8(quote(cluster));
        Out out = new Out(object.length + 96 + (quotedCluster == null ? 0 : quotedCluster.length));
        out.put('{').put(API_VERSION).put(':').put(utf8(quote(apiVersion))).put(',').put(KIND).put(':')
                .put(utf8(quote(kind)));
        Scanner s = new Scanner(object, 0, object.length);
        s.open();
        boolean metadata = false;
        while (s.nextMember()) {
            if (s.keyIs(API_VERSION) || s.keyIs(KIND)) {
                continue;
            }
            out.put(',');
            if (quotedCluster != null && s.keyIs(METADATA) && s.valueIsObject()) {
                metadata = true;
                out.put(METADATA).put(':');
                metadata(new Scanner(object, s.valueStart, s.valueEnd), quotedCluster, out);
            } else {
                out.put(object, s.keyStart, s.valueEnd);
            }
        }
        if (!metadata && quotedCluster != null) {
            out.put(',').put(METADATA).put(':').put('{').put(ANNOTATIONS).put(':').put('{').put(CLUSTER).put(':')
                    .put(quotedCluster).put('}').put('}');
        }
        return out.put('}').bytes();
    }

    /**
     * A metadata-only rendering: {@code {"apiVersion", "kind", "metadata"}} with the annotation set.
     *
     * @param metadata the UTF-8 bytes of the stored {@code metadata} object, or null
     */
    static byte[] metadataOnly(byte[] metadata, String apiVersion, String kind, String cluster) {
        byte[] quotedCluster = utf8(quote(cluster));
        Out out = new Out((metadata == null ? 0 : metadata.length) + 128);
        out.put('{').put(API_VERSION).put(':').put(utf8(quote(apiVersion))).put(',').put(KIND).put(':')
                .put(utf8(quote(kind))).put(',').put(METADATA).put(':');
        byte[] m = metadata == null || Arrays.equals(metadata, NULL) ? EMPTY_OBJECT : metadata;
        metadata(new Scanner(m, 0, m.length), quotedCluster, out);
        return out.put('}').bytes();
    }

    /** The metadata object with {@code annotations[CLUSTER] = cluster}. */
    private static void metadata(Scanner s, byte[] quotedCluster, Out out) {
        s.open();
        out.put('{');
        boolean first = true;
        boolean annotations = false;
        while (s.nextMember()) {
            if (!first) {
                out.put(',');
            }
            first = false;
            if (s.keyIs(ANNOTATIONS)) {
                annotations = true;
                out.put(ANNOTATIONS).put(':');
                annotations(s.valueIsObject() ? new Scanner(s.b, s.valueStart, s.valueEnd) : null, quotedCluster, out);
            } else {
                out.put(s.b, s.keyStart, s.valueEnd);
            }
        }
        if (!annotations) {
            if (!first) {
                out.put(',');
            }
            out.put(ANNOTATIONS).put(':').put('{').put(CLUSTER).put(':').put(quotedCluster)
                    .put('}');
        }
        out.put('}');
    }

    /** The annotations without any stored cluster annotation, then ours. */
    private static void annotations(Scanner s, byte[] quotedCluster, Out out) {
        out.put('{');
        if (s != null) {
            s.open();
            while (s.nextMember()) {
                if (!s.keyIs(CLUSTER)) {
                    out.put(s.b, s.keyStart, s.valueEnd).put(',');
                }
            }
        }
        out.put(CLUSTER).put(':').put(quotedCluster).put('}');
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A growable byte buffer, handed out without a copy when it is exactly full (unlike
     * {@code ByteArrayOutputStream}, whose every single-byte write takes a lock: this is per character of
     * punctuation on every row of every page).
     */
    private static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        Out put(char ascii) {
            ensure(1);
            buf[size++] = (byte) ascii;
            return this;
        }

        Out put(byte[] src) {
            return put(src, 0, src.length);
        }

        Out put(byte[] src, int from, int to) {
            int n = to - from;
            ensure(n);
            System.arraycopy(src, from, buf, size, n);
            size += n;
            return this;
        }

        byte[] bytes() {
            return size == buf.length ? buf : Arrays.copyOf(buf, size);
        }

        private void ensure(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }
    }

    /** Walks the members of one JSON object within {@code b[from, to)}: key and value bounds, values skipped. */
    private static final class Scanner {
        final byte[] b;
        private final int end;
        private int i;
        int keyStart;
        int keyEnd;
        int valueStart;
        int valueEnd;

        Scanner(byte[] b, int from, int to) {
            this.b = b;
            this.i = from;
            this.end = to;
        }

        void open() {
            ws();
            if (i >= end || b[i] != '{') {
                throw bad("expected '{'");
            }
            i++;
        }

        /** Moves to the next member; false at the closing brace. */
        boolean nextMember() {
            ws();
            if (i < end && b[i] == ',') {
                i++;
                ws();
            }
            if (i >= end) {
                throw bad("unterminated object");
            }
            if (b[i] == '}') {
                i++;
                return false;
            }
            keyStart = i;
            keyEnd = string(i);
            i = keyEnd;
            ws();
            if (i >= end || b[i] != ':') {
                throw bad("expected ':'");
            }
            i++;
            ws();
            valueStart = i;
            valueEnd = value(i);
            i = valueEnd;
            return true;
        }

        boolean keyIs(byte[] quoted) {
            return keyEnd - keyStart == quoted.length
                    && Arrays.equals(b, keyStart, keyEnd, quoted, 0, quoted.length);
        }

        boolean valueIsObject() {
            return b[valueStart] == '{';
        }

        private void ws() {
            while (i < end && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
                i++;
            }
        }

        /** End (exclusive) of the string literal starting at {@code at}. */
        private int string(int at) {
            if (at >= end || b[at] != '"') {
                throw bad("expected a string");
            }
            for (int j = at + 1; j < end; j++) {
                byte c = b[j];
                if (c == '\\') {
                    j++;
                } else if (c == '"') {
                    return j + 1;
                }
            }
            throw bad("unterminated string");
        }

        /** End (exclusive) of the value starting at {@code at}. */
        private int value(int at) {
            if (at >= end) {
                throw bad("expected a value");
            }
            byte c = b[at];
            if (c == '"') {
                return string(at);
            }
            if (c == '{' || c == '[') {
                int depth = 0;
                for (int j = at; j < end; j++) {
                    byte d = b[j];
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
            while (j < end && b[j] != ',' && b[j] != '}' && b[j] != ']' && b[j] != ' ' && b[j] != '\t'
                    && b[j] != '\r' && b[j] != '\n') {
                j++;
            }
            if (j == at) {
                throw bad("expected a value");
            }
            return j;
        }

        private IllegalArgumentException bad(String what) {
            return new IllegalArgumentException("not a JSON object (" + what + " at byte " + i + ")");
        }
    }
}
