package io.flotilla.resource;

import java.util.List;
import java.util.Map;

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
     * @param live on a dry run: the object in the cluster now (null when it does not exist yet), without
     *     status and managedFields; never for Secrets
     * @param result on a dry run: the object as it would be after the apply, the same way
     */
    public record Item(int index, String kind, String namespace, String name, String action, String message,
            List<String> changes, Map<String, Object> live, Map<String, Object> result) {

        public Item(int index, String kind, String namespace, String name, String action, String message,
                List<String> changes) {
            this(index, kind, namespace, name, action, message, changes, null, null);
        }
    }
}
