package io.flotilla.iam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Creates or refreshes users and their groups from an external directory (LDAP, OIDC). */
@Component
class ExternalUsers {

    private static final Logger log = LoggerFactory.getLogger(ExternalUsers.class);

    private final UserStore users;
    private final GroupStore groups;

    ExternalUsers(UserStore users, GroupStore groups) {
        this.users = users;
        this.groups = groups;
    }

    /**
     * Provisions a user from {@code source} with exactly the given groups of that source.
     *
     * @return the user, or empty when a user of that name exists from another source (never taken over)
     */
    Optional<UserStore.UserRow> provision(String source, String username, String displayName, String email,
            Collection<String> groupNames) {
        users.upsertExternal(username, displayName, email, source);
        Optional<UserStore.UserRow> user = users.find(username).filter(u -> u.source().equals(source));
        if (user.isEmpty()) {
            log.warn("{} user {} not signed in: a {} user of that name exists", source, username,
                    users.find(username).map(UserStore.UserRow::source).orElse("?"));
            return Optional.empty();
        }
        List<UUID> ids = new ArrayList<>();
        for (String g : groupNames) {
            groups.ensureExternal(g, source).ifPresentOrElse(ids::add,
                    () -> log.warn("{} group {} ignored for {}: a group of that name exists from another source",
                            source, g, username));
        }
        groups.replaceExternalMemberships(user.get().id(), source, ids);
        return user;
    }
}
