package io.flotilla.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A field selector over any field of the objects ({@code status.phase=Running},
 * {@code spec.nodeName!=node-1}, {@code metadata.annotations['a.b/c']=x},
 * {@code status.phase in (Pending,Failed)}), parsed into requirements on JSON paths. Pure.
 */
public final class SearchFieldSelector {

    private static final int MAX_SEGMENTS = 16;
    private static final int MAX_SEGMENT = 253;

    private SearchFieldSelector() {}

    public enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN }

    /**
     * One clause.
     *
     * @param path the JSON path, one element per segment ({@code [metadata, annotations, a.b/c]})
     * @param values the value(s) compared with the field's text
     */
    public record Requirement(List<String> path, Operator operator, List<String> values) {
        public Requirement {
            path = List.copyOf(path);
            values = List.copyOf(values);
        }
    }

    /**
     * Parses a selector; blank means none.
     *
     * @throws IllegalArgumentException naming the offending clause
     */
    public static List<Requirement> parse(String selector) {
        List<Requirement> out = new ArrayList<>();
        if (selector == null || selector.isBlank()) {
            return out;
        }
        for (String clause : split(selector, ',')) {
            out.add(clause(clause.strip()));
        }
        return out;
    }

    private static Requirement clause(String clause) {
        if (clause.isEmpty()) {
            throw new IllegalArgumentException("empty clause in field selector");
        }
        int pathEnd = pathEnd(clause);
        String path = clause.substring(0, pathEnd).strip();
        String rest = clause.substring(pathEnd).strip();
        List<String> segments = path(path, clause);
        if (rest.startsWith("!=")) {
            return new Requirement(segments, Operator.NOT_EQUALS, List.of(unescape(rest.substring(2).strip())));
        }
        if (rest.startsWith("==")) {
            return new Requirement(segments, Operator.EQUALS, List.of(unescape(rest.substring(2).strip())));
        }
        if (rest.startsWith("=")) {
            return new Requirement(segments, Operator.EQUALS, List.of(unescape(rest.substring(1).strip())));
        }
        if (rest.startsWith("notin")) {
            return new Requirement(segments, Operator.NOT_IN, set(rest.substring(5), clause));
        }
        if (rest.startsWith("in")) {
            return new Requirement(segments, Operator.IN, set(rest.substring(2), clause));
        }
        throw new IllegalArgumentException("'" + clause + "' is not a field selector clause: expected "
                + "field=value, field!=value, field in (a,b) or field notin (a,b)");
    }

    /** Where the path ends: the first operator character or blank outside brackets. */
    private static int pathEnd(String clause) {
        boolean inBracket = false;
        char quote = 0;
        for (int i = 0; i < clause.length(); i++) {
            char c = clause.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (inBracket && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == '[') {
                inBracket = true;
            } else if (c == ']') {
                inBracket = false;
            } else if (!inBracket && (c == '=' || c == '!' || Character.isWhitespace(c))) {
                return i;
            }
        }
        return clause.length();
    }

    private static List<String> path(String path, String clause) {
        List<String> segments = new ArrayList<>();
        String p = path.startsWith(".") ? path.substring(1) : path;
        int i = 0;
        StringBuilder current = new StringBuilder();
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '.') {
                add(segments, current, clause);
                i++;
            } else if (c == '[') {
                if (!current.isEmpty()) {
                    add(segments, current, clause);
                }
                int close = p.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'" + clause + "': unclosed [ in field path");
                }
                String inner = p.substring(i + 1, close).strip();
                if (inner.length() >= 2 && (inner.charAt(0) == '\'' || inner.charAt(0) == '"')
                        && inner.charAt(inner.length() - 1) == inner.charAt(0)) {
                    inner = inner.substring(1, inner.length() - 1);
                }
                current.append(inner);
                add(segments, current, clause);
                i = close + 1;
                if (i < p.length() && p.charAt(i) == '.') {
                    i++;
                }
            } else {
                current.append(c);
                i++;
            }
        }
        if (!current.isEmpty()) {
            add(segments, current, clause);
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("'" + clause + "': missing field path");
        }
        if (segments.size() > MAX_SEGMENTS) {
            throw new IllegalArgumentException("'" + clause + "': field path is deeper than " + MAX_SEGMENTS);
        }
        return segments;
    }

    private static void add(List<String> segments, StringBuilder current, String clause) {
        String s = current.toString();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("'" + clause + "': empty segment in field path");
        }
        if (s.length() > MAX_SEGMENT || s.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("'" + clause + "': invalid field path segment");
        }
        segments.add(s);
        current.setLength(0);
    }

    private static List<String> set(String text, String clause) {
        String t = text.strip();
        if (!t.startsWith("(") || !t.endsWith(")")) {
            throw new IllegalArgumentException("'" + clause + "': values must be in parentheses, e.g. (a,b)");
        }
        Set<String> values = new LinkedHashSet<>();
        for (String v : split(t.substring(1, t.length() - 1), ',')) {
            values.add(unescape(v.strip()));
        }
        return List.copyOf(values);
    }

    /** Splits on {@code sep} outside parentheses and brackets, honouring backslash escapes. */
    static List<String> split(String text, char sep) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == sep && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced parentheses or brackets in '" + text + "'");
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String unescape(String value) {
        if (value.length() > 1024 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("'" + SearchParams.abbreviate(value)
                    + "' is not a valid field value (at most 1024 characters, no control characters)");
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                b.append(value.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
