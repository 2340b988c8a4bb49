package io.flotilla.iam;

import io.flotilla.platform.ApiException;
import io.flotilla.platform.ApiException.FieldError;
import io.flotilla.platform.ContinueToken;
import io.flotilla.platform.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Groups and their members. Groups synced from LDAP or OIDC keep the members the directory says. */
@Service
class GroupService {

    private final GroupStore groups;
    private final UserStore users;
    private final Authorization authz;

    GroupService(GroupStore groups, UserStore users, Authorization authz) {
        this.groups = groups;
        this.users = users;
        this.authz = authz;
    }

    /**
     * A group.
     *
     * @param source local, ldap or oidc
     * @param members user names (only when reading one group)
     */
    record Group(String name, String description, String source, Instant createdAt, List<String> members) {}

    record GroupRequest(String name, String description) {}

    Page<Group> list(Integer limit, String continueToken) {
        authz.require("list", "groups", Scope.PLATFORM, null);
        int size = ContinueToken.limit(limit, 50, 500);
        String after = continueToken == null || continueToken.isBlank() ? null : ContinueToken.decode(continueToken);
        List<GroupStore.GroupRow> rows = groups.list(after, size);
        List<Group> items = rows.stream().limit(size)
                .map(g -> new Group(g.name(), g.description(), g.source(), g.createdAt(), null)).toList();
        return new Page<>(items, rows.size() > size ? ContinueToken.encode(items.getLast().name()) : null);
    }

    Group create(GroupRequest request) {
        authz.require("create", "groups", Scope.PLATFORM, request.name());
        List<FieldError> errors = new ArrayList<>();
        Names.account("name", request.name(), errors);
        Names.maxLength("description", request.description(), 1024, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (groups.find(request.name()).isPresent()) {
            throw conflict(request.name());
        }
        try {
            groups.insert(request.name(), request.description() == null ? "" : request.description(), "local");
        } catch (DuplicateKeyException e) {
            throw conflict(request.name());
        }
        return get(request.name());
    }

    Group get(String name) {
        authz.requireVisible("get", "groups", Scope.PLATFORM, name, "group '" + name + "'");
        GroupStore.GroupRow g = row(name);
        return new Group(g.name(), g.description(), g.source(), g.createdAt(), groups.members(g.id()));
    }

    void delete(String name) {
        authz.require("delete", "groups", Scope.PLATFORM, name);
        groups.delete(row(name).id());
    }

    Group addMember(String name, String username) {
        authz.require("update", "groups", Scope.PLATFORM, name);
        GroupStore.GroupRow g = local(row(name));
        UserStore.UserRow u = users.find(username).orElseThrow(() -> ApiException.notFound("user '" + username + "'"));
        groups.addMember(g.id(), u.id());
        return get(name);
    }

    Group removeMember(String name, String username) {
        authz.require("update", "groups", Scope.PLATFORM, name);
        GroupStore.GroupRow g = local(row(name));
        UserStore.UserRow u = users.find(username).orElseThrow(() -> ApiException.notFound("user '" + username + "'"));
        if (!groups.removeMember(g.id(), u.id())) {
            throw ApiException.notFound("membership of '" + username + "' in group '" + name + "'");
        }
        return get(name);
    }

    private static GroupStore.GroupRow local(GroupStore.GroupRow g) {
        if (!"local".equals(g.source())) {
            throw ApiException.conflict("group '" + g.name() + "' is synced from " + g.source()
                    + "; change its members in the directory");
        }
        return g;
    }

    private GroupStore.GroupRow row(String name) {
        return groups.find(name).orElseThrow(() -> ApiException.notFound("group '" + name + "'"));
    }

    private static ApiException conflict(String name) {
        return ApiException.conflict("a group named '" + name + "' already exists; pick another name");
    }
}
