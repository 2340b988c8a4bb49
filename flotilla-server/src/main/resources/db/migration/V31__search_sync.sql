-- Search sync engine state (module: search). Nothing here is needed to answer queries; it lets the
-- engine resume watches after a restart, share clusters between replicas, and report progress.
--
-- search_sync_clusters: one row per cluster the engine has seen; the replica holding the lease
-- (holder, lease_until) syncs it and writes its status.
CREATE TABLE search_sync_clusters (
    cluster        text        PRIMARY KEY,
    holder         text,
    lease_until    timestamptz,
    phase          text        NOT NULL DEFAULT 'Syncing',
    message        text,
    phase_since    timestamptz NOT NULL DEFAULT now(),
    types_total    integer     NOT NULL DEFAULT 0,
    types_listed   integer     NOT NULL DEFAULT 0,
    status_at      timestamptz NOT NULL DEFAULT now()
);

-- search_sync_types: per cluster and synced resource, where the watch resumes (resource_version,
-- written in the same transaction as the rows it covers), whether the last LIST completed, and counters.
CREATE TABLE search_sync_types (
    cluster          text        NOT NULL,
    api_group        text        NOT NULL,
    resource         text        NOT NULL,
    version          text        NOT NULL,
    kind             text        NOT NULL,
    resource_version text,
    listed           boolean     NOT NULL DEFAULT false,
    list_started_at  timestamptz,
    listed_at        timestamptz,
    listed_so_far    bigint      NOT NULL DEFAULT 0,
    object_count     bigint      NOT NULL DEFAULT 0,
    last_event_at    timestamptz,
    lag_ms           bigint,
    last_error       text,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cluster, api_group, resource)
);

CREATE INDEX search_sync_clusters_lease_idx ON search_sync_clusters (lease_until);
