-- Search index (module: search): keep objects of up to ~4 KB in the row, uncompressed. With the default
-- toast_tuple_target (~2 KB) a typical pod (1.5-2 KB of jsonb) was compressed with pglz on every write
-- and, when it did not fit compressed either, moved to the TOAST table; every search then looked each
-- row's object up in the TOAST index and decompressed it. Rows written from now on (every sync event
-- rewrites its row) stay in the heap page as they are: more bytes on disk, less CPU on both paths.
ALTER TABLE search_resources SET (toast_tuple_target = 4080);
