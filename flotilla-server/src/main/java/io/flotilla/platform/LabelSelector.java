package io.flotilla.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Kubernetes label selector ({@code a=b,c!=d,e in (x,y),f notin (z),g,!h}) parsed into
 * requirements, with matching against a label map. Pure: no I/O, usable by every module.
 */
public record LabelSelector(List<Requirement> requirements) {

    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    public LabelSelector {
        requirements = List.copyOf(requirements);
    }

    public enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

    /** One clause of a selector; {@code values} is empty for the existence operators. */
    public record Requirement(String key, Operator operator, Set<String> values) {
        public Requirement {
            values = Set.copyOf(values);
        }

        public boolean matches(Map<String, String> labels) {
            String actual = labels.get(key);
            return switch (operator) {
                case EQUALS, IN -> actual != null && values.contains(actual);
                case NOT_EQUALS, NOT_IN -> actual == null || !values.contains(actual);
                case EXISTS -> actual != null;
                case DOES_NOT_EXIST -> actual == null;
            };
        }
    }

    public static LabelSelector everything() {
        return new LabelSelector(List.of());
    }

    public boolean matches(Map<String, String> labels) {
        return requirements.stream().allMatch(r -> r.matches(labels));
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /**
     * Parses a selector string; blank means "everything".
     *
     * @throws IllegalArgumentException with a message naming the offending clause
     */
    public static LabelSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return everything();
        }
        List<Requirement> out = new ArrayList<>();
        for (String clause : splitClauses(selector)) {
            out.add(parseClause(clause.strip()));
        }
        return new LabelSelector(out);
    }

    /** True when {@code key} is a valid label key ({@code [prefix/]name}). */
    public static boolean isValidKey(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty() || prefix.length() > 253 || !PREFIX.matcher(prefix).matches()) {
                return false;
            }
        }
        return name.length() <= 63 && NAME.matcher(name).matches();
    }

    /** True when {@code value} is a valid label value (may be empty, at most 63 characters). */
    public static boolean isValidValue(String value) {
        return value != null && value.length() <= 63 && VALUE.matcher(value).matches();
    }

    private static List<String> splitClauses(String selector) {
        List<String> clauses = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                clauses.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        clauses.add(selector.substring(start));
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced parentheses in '" + selector + "'");
        }
        return clauses;
    }

    private static Requirement parseClause(String clause) {
        if (clause.isEmpty()) {
            throw new IllegalArgumentException("empty clause in selector");
        }
        if (clause.startsWith("!")) {
            return new Requirement(key(clause.substring(1).strip(), clause), Operator.DOES_NOT_EXIST, Set.of());
        }
        int ne = clause.indexOf("!=");
        if (ne > 0) {
            return new Requirement(key(clause.substring(0, ne).strip(), clause), Operator.NOT_EQUALS,
                    Set.of(value(clause.substring(ne + 2).strip(), clause)));
        }
        int eq = clause.indexOf('=');
        if (eq > 0) {
            String rest = clause.substring(eq + 1);
            if (rest.startsWith("=")) {
                rest = rest.substring(1);
            }
            return new Requirement(key(clause.substring(0, eq).strip(), clause), Operator.EQUALS,
                    Set.of(value(rest.strip(), clause)));
        }
        String[] words = clause.split("\\s+", 2);
        if (words.length == 2) {
            String rest = words[1].strip();
            if (rest.startsWith("notin")) {
                return new Requirement(key(words[0], clause), Operator.NOT_IN, set(rest.substring(5), clause));
            }
            if (rest.startsWith("in")) {
                return new Requirement(key(words[0], clause), Operator.IN, set(rest.substring(2), clause));
            }
            throw new IllegalArgumentException("'" + clause + "' is not a selector clause: expected =, !=, in or notin");
        }
        return new Requirement(key(clause, clause), Operator.EXISTS, Set.of());
    }

    private static Set<String> set(String text, String clause) {
        String t = text.strip();
        if (!t.startsWith("(") || !t.endsWith(")")) {
            throw new IllegalArgumentException("'" + clause + "': values must be in parentheses, e.g. (a,b)");
        }
        String inner = t.substring(1, t.length() - 1);
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String v : inner.split(",")) {
            values.add(value(v.strip(), clause));
        }
        return values;
    }

    private static String key(String key, String clause) {
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("'" + clause + "': '" + key + "' is not a valid label key");
        }
        return key;
    }

    private static String value(String value, String clause) {
        if (!isValidValue(value)) {
            throw new IllegalArgumentException("'" + clause + "': '" + value + "' is not a valid label value");
        }
        return value;
    }
}
