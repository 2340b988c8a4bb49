-- Audit trail (module: audit). Entries form a hash chain; the single-row head serialises appends.
CREATE TABLE audit_entries (
    seq           bigserial PRIMARY KEY,
    id            uuid        NOT NULL UNIQUE,
    at            timestamptz NOT NULL,
    actor         text        NOT NULL,
    access_key_id text,
    source_ip     text,
    user_agent    text,
    action        text        NOT NULL,
    module        text,
    cluster       text,
    namespace     text,
    kind          text,
    name          text,
    status        integer     NOT NULL,
    request_id    text,
    summary       text,
    prev_hash     text        NOT NULL,
    hash          text        NOT NULL
);
CREATE INDEX audit_entries_at_idx ON audit_entries (at);
CREATE INDEX audit_entries_actor_idx ON audit_entries (actor, seq);
CREATE INDEX audit_entries_kind_name_idx ON audit_entries (kind, name);
CREATE INDEX audit_entries_action_idx ON audit_entries (action, seq);

-- The chain head: hash of the newest entry, and the anchor (hash of the newest purged entry).
CREATE TABLE audit_chain (
    id          integer PRIMARY KEY CHECK (id = 1),
    head_hash   text NOT NULL,
    anchor_hash text NOT NULL,
    anchor_seq  bigint NOT NULL DEFAULT 0
);
INSERT INTO audit_chain (id, head_hash, anchor_hash) VALUES (1, 'genesis', 'genesis');
