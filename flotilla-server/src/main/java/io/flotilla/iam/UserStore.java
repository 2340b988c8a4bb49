package io.flotilla.iam;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** Local users in PostgreSQL, as Spring Security reads them. */
@Repository
class UserStore implements UserDetailsService {

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record UserRow(String username, String passwordHash, boolean enabled, String platformRole) {}

    Optional<UserRow> find(String username) {
        return jdbc.sql("SELECT username, password_hash, enabled, platform_role FROM iam_users WHERE username = :u")
                .param("u", username)
                .query((rs, i) -> new UserRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
                .optional();
    }

    void create(String username, String displayName, String passwordHash, String platformRole) {
        jdbc.sql("""
                INSERT INTO iam_users (id, username, display_name, password_hash, platform_role)
                VALUES (:id, :u, :d, :h, :r) ON CONFLICT (username) DO NOTHING
                """)
                .param("id", UUID.randomUUID())
                .param("u", username)
                .param("d", displayName)
                .param("h", passwordHash)
                .param("r", platformRole)
                .update();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserRow row = find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        List<SimpleGrantedAuthority> authorities = "Admin".equals(row.platformRole())
                ? List.of(new SimpleGrantedAuthority(AccessControl.ROLE_ADMIN))
                : List.of();
        return User.withUsername(row.username()).password(row.passwordHash()).disabled(!row.enabled())
                .authorities(authorities).build();
    }
}
