-- Indexes of the search API (module: search, query side) on the index table of V30. Each serves one
-- shape of query of the published mix (docs/search.md); the order columns follow SearchSql's total
-- order (requested terms, then cluster, namespace, name) so a page is a range scan of one index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- default order (cluster, namespace, name), clusters=, clusters/{c}/ paths
CREATE INDEX search_resources_by_cluster ON search_resources (api_group, resource, cluster, namespace, name);
-- orderby=name, names=
CREATE INDEX search_resources_by_name ON search_resources (api_group, resource, name, cluster, namespace);
-- namespaces=, orderby=namespace
CREATE INDEX search_resources_by_namespace ON search_resources (api_group, resource, namespace, cluster, name);
-- orderby=created_at, since/before
CREATE INDEX search_resources_by_created ON search_resources
    (api_group, resource, (coalesce(created_at, '1970-01-01 00:00:00+00'::timestamptz)), cluster, namespace, name);
-- ownerUID / ownerName / ownerSeniority: one generation after another by (cluster, owner uid)
CREATE INDEX search_resources_by_owner ON search_resources (owner_uid, cluster) WHERE owner_uid IS NOT NULL;
-- labelSelector: = and in as containment (@>)
CREATE INDEX search_resources_labels ON search_resources USING gin (labels);
-- fuzzy name (ILIKE '%part%')
CREATE INDEX search_resources_name_trgm ON search_resources USING gin (name gin_trgm_ops);
-- fieldSelector on the two fields the console and kubectl users filter most
CREATE INDEX search_resources_by_phase ON search_resources
    (api_group, resource, (object #>> '{status,phase}'), cluster, namespace, name);
CREATE INDEX search_resources_by_node ON search_resources
    (api_group, resource, (object #>> '{spec,nodeName}'), cluster, namespace, name);
