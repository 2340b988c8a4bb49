package io.flotilla.search;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Index changes committed by any replica, as PostgreSQL notifications on {@value #CHANNEL}: every
 * transaction that writes {@code search_resources} sends the types it wrote ({@link #notify}), and this
 * listener passes what other writers committed to the {@link SearchCache}. While it is not listening
 * (start-up, a lost connection) the cache is not trusted: every search reads the database.
 */
@Component
final class SearchChangeFeed implements SmartLifecycle {

    static final String CHANNEL = "flotilla_search";
    private static final Logger log = LoggerFactory.getLogger(SearchChangeFeed.class);
    private static final int POLL_MILLIS = 500;

    private final DataSource dataSource;
    private final SearchCache cache;
    private volatile boolean running;
    private volatile Thread thread;

    SearchChangeFeed(DataSource dataSource, SearchCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    /** Sends the types a transaction wrote; PostgreSQL delivers it to every listener when (and if) it commits. */
    static void notify(Connection c, Collection<String> types) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, String.join(",", new TreeSet<>(types)));
            ps.execute();
        }
    }

    /** The types of a notification's payload. */
    static List<String> types(String payload) {
        return payload == null || payload.isBlank() ? List.of(SearchCache.EVERY_TYPE)
                : Arrays.asList(payload.split(","));
    }

    @Override
    public synchronized void start() {
        if (running || !cache.enabled()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("search-change-feed").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(POLL_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cache.trust(false);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long backoff = 500;
        boolean warned = false;
        while (running) {
            try (Connection c = connect()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                cache.trust(true);
                if (warned) {
                    log.info("listening to index changes again: the search cache is in use");
                    warned = false;
                }
                backoff = 500;
                while (running) {
                    PGNotification[] batch = pg.getNotifications(POLL_MILLIS);
                    if (batch == null) {
                        continue;
                    }
                    List<String> types = new ArrayList<>();
                    for (PGNotification n : batch) {
                        types.addAll(types(n.getParameter()));
                    }
                    cache.changed(types);
                }
            } catch (SQLException | RuntimeException e) {
                cache.trust(false);
                if (!warned && running) {
                    log.warn("not listening to index changes ({}): searches read the database until it is back",
                            e.getMessage());
                    warned = true;
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    /** A connection of its own (not one of the pool's), with the pool's settings when there is one. */
    private Connection connect() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource h = dataSource.unwrap(HikariDataSource.class);
            if (h.getJdbcUrl() != null) {
                return DriverManager.getConnection(h.getJdbcUrl(), h.getUsername(), h.getPassword());
            }
        }
        return dataSource.getConnection();
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
