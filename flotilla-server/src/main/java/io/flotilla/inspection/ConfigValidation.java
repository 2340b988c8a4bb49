package io.flotilla.inspection;

import io.flotilla.inspection.checks.Catalogue;
import io.flotilla.inspection.checks.Category;
import io.flotilla.inspection.checks.Selection;
import io.flotilla.inspection.checks.Severity;
import io.flotilla.platform.ApiException;
import io.flotilla.platform.ApiException.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Validates configuration changes against the catalogue before anything is stored; pure. */
final class ConfigValidation {

    private ConfigValidation() {}

    /** The configuration an update produces; every problem is reported at once as a 400 naming the fields. */
    static InspectionConfig apply(String cluster, InspectionConfig.Update u, Catalogue catalogue, int maxRetention,
            Instant now, String actor) {
        List<FieldError> errors = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<String> in = u.categories() == null ? List.of() : u.categories();
        for (int i = 0; i < in.size(); i++) {
            Category c = Category.parse(in.get(i));
            if (c == null) {
                errors.add(new FieldError("categories[" + i + "]", "'" + in.get(i) + "' is not a category; use one of "
                        + java.util.Arrays.stream(Category.values()).map(Category::label).toList()));
            } else if (!categories.contains(c.label())) {
                categories.add(c.label());
            }
        }
        List<String> checks = ids("checks", u.checks(), catalogue, errors);
        List<String> disabled = ids("disabledChecks", u.disabledChecks(), catalogue, errors);
        Map<String, String> severities = new TreeMap<>();
        if (u.severityOverrides() != null) {
            u.severityOverrides().forEach((id, sev) -> {
                if (!catalogue.contains(id)) {
                    errors.add(new FieldError("severityOverrides." + id, "'" + id + "' is not a check id; see "
                            + "GET /api/v1/inspections/checks"));
                } else if (Severity.parse(sev) == null) {
                    errors.add(new FieldError("severityOverrides." + id, "'" + sev + "' is not a severity; use critical, "
                            + "warning or info"));
                } else {
                    severities.put(id, Severity.parse(sev).label());
                }
            });
        }
        String schedule = u.schedule() == null || u.schedule().isBlank() ? null : u.schedule().trim();
        Instant next = null;
        if (schedule != null) {
            try {
                next = Schedules.next(schedule, now);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("schedule", e.getMessage()));
            }
        }
        int retention = u.retention() == null ? InspectionConfig.DEFAULT_RETENTION : u.retention();
        if (retention <= 0 || retention > maxRetention) {
            errors.add(new FieldError("retention", "must be between 1 and " + maxRetention + " (reports to keep), got "
                    + retention));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new InspectionConfig(cluster, categories, checks, disabled, severities, schedule, retention, next, now, actor);
    }

    /** What a configuration selects, as the evaluator wants it. */
    static Selection selection(InspectionConfig c) {
        Set<Category> categories = new LinkedHashSet<>();
        c.categories().forEach(l -> categories.add(Category.parse(l)));
        Map<String, Severity> severities = new LinkedHashMap<>();
        c.severityOverrides().forEach((id, s) -> severities.put(id, Severity.parse(s)));
        return new Selection(categories, Set.copyOf(c.checks()), Set.copyOf(c.disabledChecks()), severities);
    }

    private static List<String> ids(String field, List<String> ids, Catalogue catalogue, List<FieldError> errors) {
        List<String> out = new ArrayList<>();
        if (ids == null) {
            return out;
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i) == null ? "" : ids.get(i).trim();
            if (!catalogue.contains(id)) {
                errors.add(new FieldError(field + "[" + i + "]", "'" + id + "' is not a check id; see GET "
                        + "/api/v1/inspections/checks"));
            } else if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }
}
