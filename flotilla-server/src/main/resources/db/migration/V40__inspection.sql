-- Cluster inspection: per-cluster configuration, runs with progress, findings, acknowledgements.
-- Cluster names are not foreign keys: the inspection module never reaches into the cluster registry's tables.

CREATE TABLE inspection_configs (
    cluster      text PRIMARY KEY,
    categories   text[] NOT NULL DEFAULT '{}',
    checks       text[] NOT NULL DEFAULT '{}',
    disabled     text[] NOT NULL DEFAULT '{}',
    severities   jsonb NOT NULL DEFAULT '{}',
    schedule     text,
    retention    integer NOT NULL CHECK (retention > 0),
    next_run_at  timestamptz,
    updated_at   timestamptz NOT NULL,
    updated_by   text
);
CREATE INDEX inspection_configs_due ON inspection_configs (next_run_at) WHERE next_run_at IS NOT NULL;

CREATE TABLE inspection_runs (
    id               uuid PRIMARY KEY,
    cluster          text NOT NULL,
    status           text NOT NULL CHECK (status IN ('Pending', 'Running', 'Succeeded', 'Failed')),
    reason           text,
    trigger          text NOT NULL,
    requested_by     text,
    step             integer NOT NULL DEFAULT 0,
    steps            integer NOT NULL DEFAULT 0,
    step_name        text,
    objects          integer,
    checks_evaluated integer,
    findings         integer,
    score            integer,
    snapshot_ms      bigint,
    evaluation_ms    bigint,
    warnings         text[] NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    heartbeat_at     timestamptz
);
-- one run per cluster at a time, enforced by the database across replicas
CREATE UNIQUE INDEX inspection_runs_one_active ON inspection_runs (cluster) WHERE status IN ('Pending', 'Running');
CREATE INDEX inspection_runs_by_cluster ON inspection_runs (cluster, created_at DESC);

CREATE TABLE inspection_findings (
    run_id      uuid NOT NULL REFERENCES inspection_runs (id) ON DELETE CASCADE,
    seq         integer NOT NULL,
    check_id    text NOT NULL,
    category    text NOT NULL,
    severity    text NOT NULL,
    kind        text NOT NULL,
    namespace   text,
    name        text NOT NULL,
    message     text NOT NULL,
    finding_key text NOT NULL,
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX inspection_findings_by_key ON inspection_findings (run_id, finding_key);

CREATE TABLE inspection_acks (
    id          uuid PRIMARY KEY,
    cluster     text NOT NULL,
    finding_key text NOT NULL,
    check_id    text NOT NULL,
    kind        text NOT NULL,
    namespace   text,
    name        text NOT NULL,
    reason      text NOT NULL,
    expires_at  timestamptz NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL,
    UNIQUE (cluster, finding_key)
);
