package io.flotilla.inspection;

/**
 * A finding as the API shows it.
 *
 * @param key stable key across runs: check id plus object reference
 * @param link the platform API path of the object (for the console to link), null for cluster-wide findings
 * @param acknowledged true while a valid acknowledgement exempts it from counting
 */
public record FindingView(String key, String checkId, String title, String category, String severity, String cluster,
        String kind, String namespace, String name, String message, String remediation, String link,
        boolean acknowledged) {}
