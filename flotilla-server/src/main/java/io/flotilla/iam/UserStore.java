package io.flotilla.iam;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of users: identity, password hashes, failed-login counters and lockout. */
@Repository
class UserStore {

    private static final String COLUMNS = "id, username, display_name, email, password_hash, enabled, source, "
            + "failed_logins, locked_until, last_login_at, created_at";

    private final JdbcClient jdbc;
    private final IamCaches caches;

    UserStore(JdbcClient jdbc, IamCaches caches) {
        this.jdbc = jdbc;
        this.caches = caches;
    }

    /** A stored user; {@code passwordHash} is null for LDAP and OIDC users. */
    record UserRow(UUID id, String username, String displayName, String email, String passwordHash, boolean enabled,
            String source, int failedLogins, Instant lockedUntil, Instant lastLoginAt, Instant createdAt) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    Optional<UserRow> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iam_users WHERE username = :u").param("u", username)
                .query((rs, i) -> map(rs)).optional();
    }

    List<UserRow> list(String after, String search, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM iam_users WHERE (CAST(:after AS text) IS NULL OR username > :after)"
                + " AND (CAST(:search AS text) IS NULL OR username ILIKE :like OR display_name ILIKE :like"
                + " OR email ILIKE :like) ORDER BY username LIMIT :limit";
        return jdbc.sql(sql).param("after", after).param("search", search)
                .param("like", search == null ? null : "%" + search.replace("%", "\\%").replace("_", "\\_") + "%")
                .param("limit", limit + 1).query((rs, i) -> map(rs)).list();
    }

    UUID insert(String username, String displayName, String email, String passwordHash, boolean enabled,
            String source) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO iam_users (id, username, display_name, email, password_hash, enabled, source)
                VALUES (:id, :u, :d, :e, :h, :en, :s)
                """)
                .param("id", id).param("u", username).param("d", displayName).param("e", email)
                .param("h", passwordHash).param("en", enabled).param("s", source).update();
        caches.changed();
        return id;
    }

    /** Creates or refreshes a user from an external directory (LDAP, OIDC); local users are left alone. */
    void upsertExternal(String username, String displayName, String email, String source) {
        jdbc.sql("""
                INSERT INTO iam_users (id, username, display_name, email, password_hash, source)
                VALUES (:id, :u, :d, :e, NULL, :s)
                ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name, email = EXCLUDED.email,
                    updated_at = now()
                WHERE iam_users.source = EXCLUDED.source
                """)
                .param("id", UUID.randomUUID()).param("u", username).param("d", displayName == null ? "" : displayName)
                .param("e", email == null ? "" : email).param("s", source).update();
        caches.changed();
    }

    void update(UUID id, String displayName, String email, boolean enabled) {
        jdbc.sql("UPDATE iam_users SET display_name = :d, email = :e, enabled = :en, updated_at = now() WHERE id = :id")
                .param("d", displayName).param("e", email).param("en", enabled).param("id", id).update();
        caches.changed();
    }

    void setPassword(UUID id, String hash) {
        jdbc.sql("UPDATE iam_users SET password_hash = :h, failed_logins = 0, locked_until = NULL, updated_at = now() "
                + "WHERE id = :id").param("h", hash).param("id", id).update();
        caches.changed();
    }

    boolean delete(UUID id) {
        boolean written = jdbc.sql("DELETE FROM iam_users WHERE id = :id").param("id", id).update() > 0;
        caches.changed();
        return written;
    }

    /**
     * Counts a failed login atomically; at the limit the account locks until {@code lockUntil} and
     * the counter restarts.
     *
     * @return true when this failure locked the account
     */
    boolean recordFailure(UUID id, int maxFailures, Instant lockUntil) {
        Boolean locked = jdbc.sql("""
                UPDATE iam_users SET
                    locked_until = CASE WHEN failed_logins + 1 >= :max THEN :until ELSE locked_until END,
                    failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END
                WHERE id = :id
                RETURNING locked_until IS NOT NULL AND locked_until = :until
                """)
                .param("max", maxFailures).param("until", Timestamp.from(lockUntil)).param("id", id)
                .query(Boolean.class).optional().orElse(false);
        if (Boolean.TRUE.equals(locked)) {
            caches.changed();
        }
        return Boolean.TRUE.equals(locked);
    }

    void recordSuccess(UUID id, Instant at) {
        jdbc.sql("UPDATE iam_users SET failed_logins = 0, locked_until = NULL, last_login_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
        caches.changed();
    }

    void unlock(UUID id) {
        jdbc.sql("UPDATE iam_users SET failed_logins = 0, locked_until = NULL WHERE id = :id").param("id", id).update();
        caches.changed();
    }

    List<String> groupsOf(UUID userId) {
        return jdbc.sql("""
                SELECT g.name FROM iam_groups g JOIN iam_group_members m ON m.group_id = g.id
                WHERE m.user_id = :id ORDER BY g.name
                """).param("id", userId).query(String.class).list();
    }

    private static UserRow map(ResultSet rs) throws SQLException {
        return new UserRow(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getString("source"),
                rs.getInt("failed_logins"), instant(rs, "locked_until"), instant(rs, "last_login_at"),
                instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
