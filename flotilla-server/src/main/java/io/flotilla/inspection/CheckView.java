package io.flotilla.inspection;

import io.flotilla.inspection.checks.Check;
import java.util.List;

/** A check of the catalogue as the API shows it. */
public record CheckView(String id, String title, String category, String severity, String rationale, String remediation,
        List<String> references) {

    static CheckView of(Check c) {
        return new CheckView(c.id(), c.title(), c.category().label(), c.severity().label(), c.rationale(), c.remediation(),
                c.references());
    }
}
