-- Tenancy (module: iam): folder tree, workspaces, role bindings, resource bindings, shared-cluster quotas.
CREATE TABLE iam_folders (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL UNIQUE,
    parent_id  uuid REFERENCES iam_folders (id) ON DELETE RESTRICT,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX iam_folders_parent_idx ON iam_folders (parent_id);

CREATE TABLE iam_workspaces (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL UNIQUE,
    folder_id  uuid REFERENCES iam_folders (id) ON DELETE RESTRICT,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX iam_workspaces_folder_idx ON iam_workspaces (folder_id);

-- A user or group holds a role on a scope: platform, folder, workspace, cluster or cluster namespace.
CREATE TABLE iam_role_bindings (
    id           uuid PRIMARY KEY,
    user_id      uuid REFERENCES iam_users (id) ON DELETE CASCADE,
    group_id     uuid REFERENCES iam_groups (id) ON DELETE CASCADE,
    role         text        NOT NULL,
    scope_kind   text        NOT NULL CHECK (scope_kind IN ('platform', 'folder', 'workspace', 'cluster', 'namespace')),
    folder_id    uuid REFERENCES iam_folders (id) ON DELETE RESTRICT,
    workspace_id uuid REFERENCES iam_workspaces (id) ON DELETE RESTRICT,
    cluster      text,
    namespace    text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK ((user_id IS NULL) <> (group_id IS NULL))
);
CREATE UNIQUE INDEX iam_role_bindings_unique ON iam_role_bindings (
    COALESCE(user_id::text, ''), COALESCE(group_id::text, ''), role, scope_kind,
    COALESCE(folder_id::text, ''), COALESCE(workspace_id::text, ''), COALESCE(cluster, ''), COALESCE(namespace, ''));
CREATE INDEX iam_role_bindings_user_idx ON iam_role_bindings (user_id);
CREATE INDEX iam_role_bindings_group_idx ON iam_role_bindings (group_id);

-- The bootstrap admin (and any user created with the old platform_role column) keeps its role.
INSERT INTO iam_role_bindings (id, user_id, role, scope_kind)
SELECT gen_random_uuid(), id, 'Admin', 'platform' FROM iam_users WHERE platform_role = 'Admin';
ALTER TABLE iam_users DROP COLUMN platform_role;

-- A workspace is bound to a whole cluster (namespace NULL) or to one namespace of a cluster.
CREATE TABLE iam_resource_bindings (
    id           uuid PRIMARY KEY,
    workspace_id uuid        NOT NULL REFERENCES iam_workspaces (id) ON DELETE RESTRICT,
    cluster      text        NOT NULL,
    namespace    text,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX iam_resource_bindings_unique ON iam_resource_bindings (workspace_id, cluster, COALESCE(namespace, ''));
-- A namespace belongs to at most one workspace.
CREATE UNIQUE INDEX iam_resource_bindings_ns_owner ON iam_resource_bindings (cluster, namespace) WHERE namespace IS NOT NULL;

-- A cluster shared with a workspace, with the workspace's quota on it (Kubernetes quantities).
CREATE TABLE iam_quotas (
    workspace_id uuid        NOT NULL REFERENCES iam_workspaces (id) ON DELETE RESTRICT,
    cluster      text        NOT NULL,
    hard         jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, cluster)
);

-- Namespaces that workspace members created in a shared cluster, each with its share of the quota.
CREATE TABLE iam_quota_allocations (
    workspace_id uuid        NOT NULL,
    cluster      text        NOT NULL,
    namespace    text        NOT NULL,
    hard         jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cluster, namespace),
    FOREIGN KEY (workspace_id, cluster) REFERENCES iam_quotas (workspace_id, cluster) ON DELETE RESTRICT
);
