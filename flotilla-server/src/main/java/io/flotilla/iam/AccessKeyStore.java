package io.flotilla.iam;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of access keys; only SHA-256 hashes of the secrets are stored. */
@Repository
class AccessKeyStore {

    private static final String COLUMNS = "k.id, u.username, k.name, k.created_at, k.expires_at, k.last_used_at, "
            + "k.revoked_at, u.enabled, u.locked_until";

    private final JdbcClient jdbc;
    private final IamCaches caches;

    AccessKeyStore(JdbcClient jdbc, IamCaches caches) {
        this.jdbc = jdbc;
        this.caches = caches;
    }

    record KeyRow(UUID id, String username, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
            Instant revokedAt, boolean userEnabled, Instant userLockedUntil) {}

    void insert(UUID id, UUID userId, String name, String hash, Instant expiresAt) {
        jdbc.sql("INSERT INTO iam_access_keys (id, user_id, name, key_hash, expires_at) VALUES (:id, :u, :n, :h, :e)")
                .param("id", id).param("u", userId).param("n", name).param("h", hash)
                .param("e", expiresAt == null ? null : Timestamp.from(expiresAt)).update();
    }

    Optional<KeyRow> byHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iam_access_keys k JOIN iam_users u ON u.id = k.user_id "
                + "WHERE k.key_hash = :h").param("h", hash).query((rs, i) -> map(rs)).optional();
    }

    Optional<KeyRow> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iam_access_keys k JOIN iam_users u ON u.id = k.user_id "
                + "WHERE k.id = :id").param("id", id).query((rs, i) -> map(rs)).optional();
    }

    List<KeyRow> list(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iam_access_keys k JOIN iam_users u ON u.id = k.user_id "
                + "WHERE u.username = :u ORDER BY k.created_at, k.id").param("u", username)
                .query((rs, i) -> map(rs)).list();
    }

    boolean nameTaken(UUID userId, String name) {
        return jdbc.sql("SELECT count(*) FROM iam_access_keys WHERE user_id = :u AND name = :n")
                .param("u", userId).param("n", name).query(Integer.class).single() > 0;
    }

    void revoke(UUID id, Instant at) {
        jdbc.sql("UPDATE iam_access_keys SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .param("at", Timestamp.from(at)).param("id", id).update();
        caches.changed();
    }

    /** Sets last-used when it is older than {@code staleBefore}; true when it did (first use in a while). */
    boolean touch(UUID id, Instant now, Instant staleBefore) {
        return jdbc.sql("UPDATE iam_access_keys SET last_used_at = :now WHERE id = :id "
                        + "AND (last_used_at IS NULL OR last_used_at < :stale)")
                .param("now", Timestamp.from(now)).param("id", id).param("stale", Timestamp.from(staleBefore))
                .update() > 0;
    }

    private static KeyRow map(ResultSet rs) throws SQLException {
        return new KeyRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), UserStore.instant(rs,
                "created_at"), UserStore.instant(rs, "expires_at"), UserStore.instant(rs, "last_used_at"),
                UserStore.instant(rs, "revoked_at"), rs.getBoolean(8), UserStore.instant(rs, "locked_until"));
    }
}
