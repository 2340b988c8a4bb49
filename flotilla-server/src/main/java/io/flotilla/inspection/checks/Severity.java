package io.flotilla.inspection.checks;

import java.util.Locale;

/** How much a finding matters; the weight is what one failing check of this severity costs the score. */
public enum Severity {
    CRITICAL(0.85), WARNING(0.97), INFO(0.995);

    private final double factor;

    Severity(double factor) {
        this.factor = factor;
    }

    /** The factor the score is multiplied by for each failing check of this severity (see {@link Score}). */
    public double factor() {
        return factor;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code critical}, {@code warning} or {@code info} (any case); null when unknown. */
    public static Severity parse(String text) {
        if (text == null) {
            return null;
        }
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        return null;
    }
}
