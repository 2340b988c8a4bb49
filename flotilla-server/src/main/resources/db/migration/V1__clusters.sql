-- Cluster registry (module: cluster). Credentials are AES-GCM encrypted by the application.
CREATE TABLE clusters (
    id                   uuid PRIMARY KEY,
    name                 text        NOT NULL UNIQUE,
    display_name         text        NOT NULL,
    description          text        NOT NULL DEFAULT '',
    labels               jsonb       NOT NULL DEFAULT '{}'::jsonb,
    server_url           text        NOT NULL,
    credential_type      text        NOT NULL,
    credentials          bytea       NOT NULL,
    simulated            boolean     NOT NULL DEFAULT false,
    phase                text        NOT NULL DEFAULT 'Unknown',
    conditions           jsonb       NOT NULL DEFAULT '[]'::jsonb,
    kubernetes_version   text,
    platform             text,
    nodes_ready          integer,
    nodes_total          integer,
    last_probe_at        timestamptz,
    last_error           text,
    consecutive_failures integer     NOT NULL DEFAULT 0,
    next_probe_at        timestamptz NOT NULL DEFAULT now(),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    generation           bigint      NOT NULL DEFAULT 1
);

CREATE INDEX clusters_labels_idx ON clusters USING gin (labels jsonb_path_ops);
CREATE INDEX clusters_next_probe_idx ON clusters (next_probe_at);
CREATE INDEX clusters_phase_idx ON clusters (phase);
