package io.flotilla.inspection.checks;

import java.util.Map;
import java.util.Set;

/**
 * Which checks a run evaluates and at what severity.
 *
 * @param categories categories to run; empty with empty {@code checks} means every category
 * @param checks ids to run in addition to the categories
 * @param disabled ids never to run
 * @param severities severity overrides by check id
 */
public record Selection(Set<Category> categories, Set<String> checks, Set<String> disabled,
        Map<String, Severity> severities) {

    public Selection {
        categories = Set.copyOf(categories);
        checks = Set.copyOf(checks);
        disabled = Set.copyOf(disabled);
        severities = Map.copyOf(severities);
    }

    public static Selection everything() {
        return new Selection(Set.of(), Set.of(), Set.of(), Map.of());
    }

    public boolean enabled(Check check) {
        if (disabled.contains(check.id())) {
            return false;
        }
        if (categories.isEmpty() && checks.isEmpty()) {
            return true;
        }
        return categories.contains(check.category()) || checks.contains(check.id());
    }

    public Severity severity(Check check) {
        return severities.getOrDefault(check.id(), check.severity());
    }
}
