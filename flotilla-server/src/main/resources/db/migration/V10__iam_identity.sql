-- Identity (module: iam): local, LDAP and OIDC users, groups, lockout, access keys.
ALTER TABLE iam_users ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE iam_users ADD COLUMN source          text        NOT NULL DEFAULT 'local';
ALTER TABLE iam_users ADD COLUMN failed_logins   integer     NOT NULL DEFAULT 0;
ALTER TABLE iam_users ADD COLUMN locked_until    timestamptz;
ALTER TABLE iam_users ADD COLUMN last_login_at   timestamptz;
ALTER TABLE iam_users ADD CONSTRAINT iam_users_source_chk CHECK (source IN ('local', 'ldap', 'oidc'));

CREATE TABLE iam_groups (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    description text        NOT NULL DEFAULT '',
    source      text        NOT NULL DEFAULT 'local' CHECK (source IN ('local', 'ldap', 'oidc')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE iam_group_members (
    group_id uuid NOT NULL REFERENCES iam_groups (id) ON DELETE CASCADE,
    user_id  uuid NOT NULL REFERENCES iam_users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX iam_group_members_user_idx ON iam_group_members (user_id);

CREATE TABLE iam_access_keys (
    id           uuid PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES iam_users (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    key_hash     text        NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    UNIQUE (user_id, name)
);
