package io.flotilla.resource;

import java.util.List;

/**
 * What an apply did, document by document.
 *
 * @param dryRun true when nothing was persisted
 * @param complete true when every document was applied
 */
public record ApplyReport(boolean dryRun, boolean complete, List<Item> documents) {

    public ApplyReport {
        documents = List.copyOf(documents);
    }

    /**
     * @param action created, configured, unchanged, failed or skipped (not attempted after a failure)
     * @param changes JSON paths that differ between the live object and the applied one (dry run and diff)
     */
    public record Item(int index, String kind, String namespace, String name, String action, String message,
            List<String> changes) {}
}
