package io.flotilla.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/** Reads the index for other modules ({@link SearchIndex}) and the status API; streams rows with a cursor. */
@Component
class IndexReader implements SearchIndex {

    private static final int FETCH_SIZE = 1000;
    /** Secrets are synced as metadata only; should data reach the index anyway, it never leaves it. */
    private static final String OBJECTS = "SELECT CASE WHEN api_group = '' AND resource = 'secrets' "
            + "THEN (object - 'data' - 'stringData')::text ELSE object::text END "
            + "FROM search_resources WHERE cluster = ? AND api_group = ? AND resource = ?";

    private final SyncRepository repository;
    private final SyncProperties properties;
    private final SyncEngine engine;
    private final DataSource dataSource;
    private final Clock clock;

    IndexReader(SyncRepository repository, SyncProperties properties, SyncEngine engine, DataSource dataSource,
            Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.engine = engine;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public SyncStatus status(String cluster) {
        return statuses(List.of(cluster)).getFirst();
    }

    /** Sync statuses of the named clusters, in the given order. */
    List<SyncStatus> statuses(List<String> names) {
        Map<String, SyncRepository.ClusterRow> rows = new HashMap<>();
        repository.clusters(names).forEach(r -> rows.put(r.cluster(), r));
        Map<String, List<SyncRepository.TypeRow>> types = new HashMap<>();
        repository.types(names).forEach(t -> types.computeIfAbsent(t.cluster(), k -> new ArrayList<>()).add(t));
        return names.stream().map(n -> SyncStatus.of(n, rows.get(n), types.getOrDefault(n, List.of()),
                properties.enabled(), clock.instant())).toList();
    }

    @Override
    public long objects(String cluster, String group, String resource, Consumer<String> json) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(OBJECTS)) {
                ps.setFetchSize(FETCH_SIZE);
                ps.setString(1, cluster);
                ps.setString(2, group);
                ps.setString(3, resource);
                long n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        json.accept(rs.getString(1));
                        n++;
                    }
                }
                c.commit();
                return n;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("could not read " + resource + " of cluster '" + cluster
                    + "' from the search index: " + e.getMessage(), e);
        }
    }

    @Override
    public void flush() {
        engine.flush();
    }
}
