package io.flotilla.resource;

import io.flotilla.platform.ApiException;
import io.flotilla.search.SyncStatus;
import java.util.Locale;

/**
 * Where one page of a paged list is read: from the search index when it is synced and current for the kind,
 * else from the cluster's API. The index answers big lists at a cost that does not grow with the cluster
 * (keyset pages in PostgreSQL, filtered by the caller's rights in SQL), which is what keeps the console's
 * lists fast on clusters of 100,000 pods. Pure.
 *
 * <p>Rules, in order: a continue token of the index stays with the index and one of the cluster with the
 * cluster; {@code source=cluster} reads the cluster; unpaged lists (no {@code limit}) and Secrets (the index
 * holds their metadata only) read the cluster; otherwise the index when it reports the cluster Synced, held by
 * a live replica, and the kind listed in the same version without error. {@code source=index} asks for the
 * index and is refused (409) when it is not current.
 *
 * @param fromIndex true when the index answers
 * @param reason why the cluster answers, null when the index does
 */
record ListSource(boolean fromIndex, String reason) {

    /** Prefix of the continue tokens of pages read from the index (cluster tokens never start with it). */
    static final String INDEX_TOKEN = "flx.";
    static final String SYNCED = "Synced";

    enum Mode { AUTO, INDEX, CLUSTER }

    static Mode mode(String source) {
        if (source == null || source.isBlank()) {
            return Mode.AUTO;
        }
        return switch (source.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> Mode.AUTO;
            case "index" -> Mode.INDEX;
            case "cluster" -> Mode.CLUSTER;
            default -> throw ApiException.badRequest("source", "must be auto, index or cluster");
        };
    }

    static ListSource index() {
        return new ListSource(true, null);
    }

    static ListSource cluster(String reason) {
        return new ListSource(false, reason);
    }

    static ListSource choose(Mode mode, ResourceType type, Integer limit, String continueToken, SyncStatus status) {
        if (continueToken != null && continueToken.startsWith(INDEX_TOKEN)) {
            if (mode == Mode.CLUSTER) {
                throw ApiException.badRequest("continue", "this token continues a list read from the search index;"
                        + " start a new list to read the cluster");
            }
            return index();
        }
        if (continueToken != null && !continueToken.isBlank()) {
            return refuseIfAsked(mode, cluster("the list continues a page read from the cluster"));
        }
        if (mode == Mode.CLUSTER) {
            return cluster("source=cluster");
        }
        if (limit == null) {
            return refuseIfAsked(mode, cluster("unpaged lists read the cluster"));
        }
        if (ResourceService.SECRETS.equals(type.qualifiedName())) {
            return refuseIfAsked(mode, cluster("the index keeps only the metadata of Secrets"));
        }
        return refuseIfAsked(mode, current(type, status));
    }

    private static ListSource current(ResourceType type, SyncStatus status) {
        if (status == null) {
            return cluster("the search index does not know the cluster");
        }
        if (!SYNCED.equals(status.phase()) || status.holder() == null) {
            return cluster("the search index is " + status.phase()
                    + (status.message() == null ? "" : " (" + status.message() + ")"));
        }
        for (SyncStatus.Resource r : status.resources()) {
            if (r.group().equals(type.group()) && r.resource().equals(type.plural())) {
                if (!r.version().equals(type.version())) {
                    return cluster("the search index holds " + type.qualifiedName() + " in version " + r.version());
                }
                if (!r.listed() || r.error() != null) {
                    return cluster("the search index is not current for " + type.qualifiedName()
                            + (r.error() == null ? " (still listing)" : " (" + r.error() + ")"));
                }
                return index();
            }
        }
        return cluster("the search index does not sync " + type.qualifiedName());
    }

    private static ListSource refuseIfAsked(Mode mode, ListSource chosen) {
        if (mode == Mode.INDEX && !chosen.fromIndex()) {
            throw ApiException.conflict("source=index cannot be served: " + chosen.reason());
        }
        return chosen;
    }

    /** The status resource entry of a kind, for the list's resourceVersion; null when the index lacks it. */
    static SyncStatus.Resource synced(SyncStatus status, ResourceType type) {
        if (status == null) {
            return null;
        }
        return status.resources().stream()
                .filter(r -> r.group().equals(type.group()) && r.resource().equals(type.plural()))
                .findFirst().orElse(null);
    }
}
