package io.flotilla.inspection.checks;

import java.util.Locale;

/** The categories checks are grouped by, as shown in reports and used in configuration. */
public enum Category {
    CLUSTER, CONTROL_PLANE, NODE, WORKLOAD, SECURITY, NETWORKING, STORAGE, RBAC, HYGIENE;

    /** The name used in the API and configuration: {@code control-plane}, {@code rbac}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a label ({@code control-plane}) or enum name ({@code CONTROL_PLANE}); null when unknown. */
    public static Category parse(String text) {
        if (text == null) {
            return null;
        }
        String norm = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Category c : values()) {
            if (c.name().equals(norm)) {
                return c;
            }
        }
        return null;
    }
}
