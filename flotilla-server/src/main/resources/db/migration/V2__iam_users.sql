-- Local users (module: iam). The bootstrap admin is the first row.
CREATE TABLE iam_users (
    id            uuid PRIMARY KEY,
    username      text        NOT NULL UNIQUE,
    display_name  text        NOT NULL DEFAULT '',
    email         text        NOT NULL DEFAULT '',
    password_hash text        NOT NULL,
    enabled       boolean     NOT NULL DEFAULT true,
    platform_role text        NOT NULL DEFAULT 'None',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
