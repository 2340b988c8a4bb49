package io.flotilla.search;

/** Why a request to a member cluster failed, as far as syncing cares. */
final class SyncFailure extends Exception {

    enum Kind {
        /** connection refused, reset or timed out: the cluster is down or unreachable */
        UNREACHABLE,
        /** 410 Gone: the resourceVersion (or continue token) is too old; relist */
        GONE,
        /** any other HTTP error (401, 403, 404, 5xx) */
        HTTP
    }

    private final Kind kind;
    private final int code;

    SyncFailure(Kind kind, int code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    Kind kind() {
        return kind;
    }

    int code() {
        return code;
    }
}
