-- Multi-cluster search index (module: search). One row per synced Kubernetes object of a member
-- cluster, in the shape of Clusterpedia's default "resources" table. Written by the sync engine
-- (search sync), read by the search API; no other module touches it.
--
--   cluster          registered cluster name (clusters.name)
--   api_group        API group, '' for the core group
--   version          the version the object was synced in (the group's preferred version)
--   resource         plural resource name (pods, deployments)
--   kind             kind (Pod, Deployment)
--   namespace        '' for cluster-scoped objects
--   owner_uid        uid of the controller owner reference, if any
--   labels           metadata.labels, for label selectors
--   resource_version metadata.resourceVersion as the cluster reported it
--   created_at       metadata.creationTimestamp
--   object           the object itself, managedFields stripped
--   synced_at        when the row was last written
CREATE TABLE search_resources (
    cluster          text        NOT NULL,
    api_group        text        NOT NULL,
    version          text        NOT NULL,
    resource         text        NOT NULL,
    kind             text        NOT NULL,
    namespace        text        NOT NULL DEFAULT '',
    name             text        NOT NULL,
    uid              text        NOT NULL,
    owner_uid        text,
    labels           jsonb       NOT NULL DEFAULT '{}'::jsonb,
    resource_version text        NOT NULL,
    created_at       timestamptz,
    object           jsonb       NOT NULL,
    synced_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cluster, api_group, resource, namespace, name)
);
