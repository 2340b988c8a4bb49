package io.flotilla.iam;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of groups and group membership. */
@Repository
class GroupStore {

    private final JdbcClient jdbc;
    private final IamCaches caches;

    GroupStore(JdbcClient jdbc, IamCaches caches) {
        this.jdbc = jdbc;
        this.caches = caches;
    }

    record GroupRow(UUID id, String name, String description, String source, Instant createdAt) {}

    Optional<GroupRow> find(String name) {
        return jdbc.sql("SELECT id, name, description, source, created_at FROM iam_groups WHERE name = :n")
                .param("n", name).query((rs, i) -> map(rs)).optional();
    }

    List<GroupRow> list(String after, int limit) {
        return jdbc.sql("SELECT id, name, description, source, created_at FROM iam_groups "
                        + "WHERE (CAST(:after AS text) IS NULL OR name > :after) ORDER BY name LIMIT :limit")
                .param("after", after).param("limit", limit + 1).query((rs, i) -> map(rs)).list();
    }

    UUID insert(String name, String description, String source) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO iam_groups (id, name, description, source) VALUES (:id, :n, :d, :s)")
                .param("id", id).param("n", name).param("d", description).param("s", source).update();
        caches.changed();
        return id;
    }

    /**
     * Finds or creates a group owned by an external directory; empty when a group of that name
     * belongs to another source (a local group is never taken over by a directory).
     */
    Optional<UUID> ensureExternal(String name, String source) {
        jdbc.sql("INSERT INTO iam_groups (id, name, source) VALUES (:id, :n, :s) ON CONFLICT (name) DO NOTHING")
                .param("id", UUID.randomUUID()).param("n", name).param("s", source).update();
        caches.changed();
        return find(name).filter(g -> g.source().equals(source)).map(GroupRow::id);
    }

    boolean delete(UUID id) {
        boolean written = jdbc.sql("DELETE FROM iam_groups WHERE id = :id").param("id", id).update() > 0;
        caches.changed();
        return written;
    }

    boolean addMember(UUID groupId, UUID userId) {
        boolean written = jdbc.sql("INSERT INTO iam_group_members (group_id, user_id) VALUES (:g, :u) ON CONFLICT DO NOTHING")
                .param("g", groupId).param("u", userId).update() > 0;
        caches.changed();
        return written;
    }

    boolean removeMember(UUID groupId, UUID userId) {
        boolean written = jdbc.sql("DELETE FROM iam_group_members WHERE group_id = :g AND user_id = :u")
                .param("g", groupId).param("u", userId).update() > 0;
        caches.changed();
        return written;
    }

    List<String> members(UUID groupId) {
        return jdbc.sql("""
                SELECT u.username FROM iam_users u JOIN iam_group_members m ON m.user_id = u.id
                WHERE m.group_id = :g ORDER BY u.username
                """).param("g", groupId).query(String.class).list();
    }

    /** Replaces a user's memberships in groups of one source with exactly {@code groupIds}. */
    void replaceExternalMemberships(UUID userId, String source, List<UUID> groupIds) {
        jdbc.sql("""
                DELETE FROM iam_group_members m USING iam_groups g
                WHERE m.group_id = g.id AND m.user_id = :u AND g.source = :s AND NOT (g.id = ANY(:keep))
                """).param("u", userId).param("s", source).param("keep", groupIds.toArray(new UUID[0])).update();
        caches.changed();
        for (UUID g : groupIds) {
            addMember(g, userId);
        }
    }

    private static GroupRow map(ResultSet rs) throws SQLException {
        return new GroupRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getString("source"), UserStore.instant(rs, "created_at"));
    }
}
