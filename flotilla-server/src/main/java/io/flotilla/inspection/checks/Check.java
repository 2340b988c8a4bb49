package io.flotilla.inspection.checks;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One inspection check: a pure rule over an {@link Inventory} plus what a person needs to act on it.
 *
 * @param id stable id ({@code SEC-001}); never reused for another meaning
 * @param references CIS Kubernetes Benchmark sections, NSA-CISA hardening guide chapters, Kubernetes docs
 */
public record Check(String id, String title, Category category, Severity severity, String rationale,
        String remediation, List<String> references, Rule rule) {

    private static final Pattern ID = Pattern.compile("[A-Z]{2,3}-\\d{3}");

    public Check {
        Objects.requireNonNull(rule, "rule");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("check id must look like SEC-001: " + id);
        }
        references = List.copyOf(references);
    }

    /** The logic of a check: reports each offending object to {@code out}. Pure: no I/O. */
    @FunctionalInterface
    public interface Rule {
        void evaluate(Inventory inventory, Sink out);
    }

    /** Where a rule reports what it found. */
    @FunctionalInterface
    public interface Sink {
        void report(ObjectRef object, String message);
    }
}
