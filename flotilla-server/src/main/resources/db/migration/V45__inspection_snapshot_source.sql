-- Where a run read its snapshot from (module: inspection).
--   snapshot_source  'index' when some kinds were read from the search index, 'cluster' when all came from the
--                    cluster's API; null for runs that did not succeed (and runs stored before this column)
--   indexed_kinds    plural names of the kinds read from the search index
ALTER TABLE inspection_runs
    ADD COLUMN snapshot_source text,
    ADD COLUMN indexed_kinds   text[] NOT NULL DEFAULT '{}';
