package io.flotilla.iam;

import io.flotilla.platform.ApiException.FieldError;
import io.flotilla.audit.AuditLog;
import io.flotilla.audit.AuditTarget;
import io.flotilla.platform.ApiException;
import io.flotilla.platform.ContinueToken;
import io.flotilla.platform.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Users: create, list, read, change, delete; password reset and unlock by admins; own password change. */
@Service
class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);

    private final UserStore users;
    private final RoleBindingStore bindings;
    private final PasswordEncoder encoder;
    private final IamProperties properties;
    private final Authorization authz;
    private final Clock clock;
    private final AuditLog audit;

    UserService(UserStore users, RoleBindingStore bindings, PasswordEncoder encoder, IamProperties properties,
            Authorization authz, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.users = users;
        this.bindings = bindings;
        this.encoder = encoder;
        this.properties = properties;
        this.authz = authz;
        this.clock = clock;
    }

    /**
     * A user as the API shows it (never the password hash).
     *
     * @param source local, ldap or oidc
     * @param lockedUntil set while the account is locked after failed logins
     * @param groups the user's groups (only when reading one user)
     */
    record User(String username, String displayName, String email, boolean enabled, String source, boolean locked,
            Instant lockedUntil, int failedLogins, Instant lastLoginAt, Instant createdAt, List<String> groups) {}

    /** Body of create and update; absent fields are left unchanged on update. */
    record UserRequest(String username, String displayName, String email, String password, Boolean enabled) {
        @Override
        public String toString() {
            return "UserRequest[username=" + username + ", displayName=" + displayName + ", email=" + email
                    + ", password=***, enabled=" + enabled + "]";
        }
    }

    Page<User> list(String search, Integer limit, String continueToken) {
        authz.require("list", "users", Scope.PLATFORM, null);
        int size = ContinueToken.limit(limit, 50, 500);
        String after = continueToken == null || continueToken.isBlank() ? null : ContinueToken.decode(continueToken);
        List<UserStore.UserRow> rows = users.list(after, search == null || search.isBlank() ? null : search, size);
        List<User> items = rows.stream().limit(size).map(r -> view(r, null)).toList();
        return new Page<>(items, rows.size() > size ? ContinueToken.encode(items.getLast().username()) : null);
    }

    User create(UserRequest request) {
        authz.require("create", "users", Scope.PLATFORM, request.username());
        List<FieldError> errors = new ArrayList<>();
        Names.account("username", request.username(), errors);
        Names.maxLength("displayName", request.displayName(), 256, errors);
        Names.email("email", request.email(), errors);
        PasswordPolicy.violations(request.password(), request.username(), properties.password())
                .forEach(p -> errors.add(new FieldError("password", p)));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (users.find(request.username()).isPresent()) {
            throw conflict(request.username());
        }
        try {
            users.insert(request.username(), orEmpty(request.displayName()), orEmpty(request.email()),
                    encoder.encode(request.password()), request.enabled() == null || request.enabled(), "local");
        } catch (DuplicateKeyException e) {
            throw conflict(request.username());
        }
        log.info("created user {}", request.username());
        return get(request.username());
    }

    User get(String username) {
        Actor actor = authz.current();
        if (!actor.username().equals(username)) {
            authz.requireVisible("get", "users", Scope.PLATFORM, username, "user '" + username + "'");
        }
        UserStore.UserRow row = row(username);
        return view(row, users.groupsOf(row.id()));
    }

    User update(String username, UserRequest request) {
        authz.require("update", "users", Scope.PLATFORM, username);
        UserStore.UserRow row = row(username);
        List<FieldError> errors = new ArrayList<>();
        Names.maxLength("displayName", request.displayName(), 256, errors);
        Names.email("email", request.email(), errors);
        if (request.password() != null) {
            errors.add(new FieldError("password", "change passwords with POST /api/v1/users/{username}/password"));
        }
        if (request.username() != null && !request.username().equals(username)) {
            errors.add(new FieldError("username", "cannot be changed"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean enabled = request.enabled() == null ? row.enabled() : request.enabled();
        if (!enabled && row.enabled()) {
            refuseSelfOrLastAdmin(row, "disable");
        }
        users.update(row.id(), request.displayName() == null ? row.displayName() : request.displayName(),
                request.email() == null ? row.email() : request.email(), enabled);
        return get(username);
    }

    void delete(String username) {
        authz.require("delete", "users", Scope.PLATFORM, username);
        UserStore.UserRow row = row(username);
        refuseSelfOrLastAdmin(row, "delete");
        users.delete(row.id());
        log.info("deleted user {}", username);
    }

    /** Admin reset: sets a new password (policy applies) and clears any lockout. */
    void resetPassword(String username, String password) {
        authz.require("update", "users", Scope.PLATFORM, username);
        UserStore.UserRow row = row(username);
        setPassword(row, password);
    }

    /** The caller changes its own password, proving the current one. */
    void changeOwnPassword(String currentPassword, String newPassword) {
        Actor actor = authz.current();
        audit.describe(AuditTarget.of("iam", "users", actor.username()), "own password change");
        UserStore.UserRow row = row(actor.username());
        if (row.passwordHash() == null || currentPassword == null
                || !encoder.matches(currentPassword, row.passwordHash())) {
            throw ApiException.badRequest("currentPassword", "is wrong");
        }
        setPassword(row, newPassword);
    }

    User unlock(String username) {
        authz.require("update", "users", Scope.PLATFORM, username);
        UserStore.UserRow row = row(username);
        users.unlock(row.id());
        log.info("unlocked user {}", username);
        return get(username);
    }

    private void setPassword(UserStore.UserRow row, String password) {
        if (!"local".equals(row.source())) {
            throw new ApiException(HttpStatus.CONFLICT, "Conflict", "'" + row.username() + "' signs in through "
                    + row.source().toUpperCase(Locale.ROOT) + "; change the password there");
        }
        List<FieldError> errors = new ArrayList<>();
        PasswordPolicy.violations(password, row.username(), properties.password())
                .forEach(p -> errors.add(new FieldError("password", p)));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        users.setPassword(row.id(), encoder.encode(password));
    }

    private void refuseSelfOrLastAdmin(UserStore.UserRow row, String what) {
        if (row.username().equals(authz.current().username())) {
            throw ApiException.conflict("you cannot " + what + " your own account; ask another admin");
        }
        boolean admin = bindings.list(Map.of("user", row.username(), "scopeKind", "platform"), null, 100)
                .stream().anyMatch(b -> "Admin".equals(b.role()));
        if (admin && bindings.otherAdmins(row.id()) == 0) {
            throw ApiException.conflict("'" + row.username() + "' is the last platform admin; grant Admin to "
                    + "another user first");
        }
    }

    private UserStore.UserRow row(String username) {
        return users.find(username).orElseThrow(() -> ApiException.notFound("user '" + username + "'"));
    }

    private User view(UserStore.UserRow r, List<String> groups) {
        Instant now = clock.instant();
        return new User(r.username(), r.displayName(), r.email(), r.enabled(), r.source(), r.lockedAt(now),
                r.lockedAt(now) ? r.lockedUntil() : null, r.failedLogins(), r.lastLoginAt(), r.createdAt(), groups);
    }

    private static ApiException conflict(String username) {
        return ApiException.conflict("a user named '" + username + "' already exists; pick another name");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
