package io.flotilla.iam;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flotilla.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of users. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Users", description = "Local, LDAP and OIDC users; password reset, unlock")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    /** A page of users; {@code continue} is null on the last page. */
    record UserList(List<UserService.User> items, @JsonProperty("continue") String continueToken) {}

    /** A new password. */
    record PasswordRequest(String password) {
        @Override
        public String toString() {
            return "PasswordRequest[password=***]";
        }
    }

    /** The caller's own password change. */
    record OwnPasswordRequest(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "OwnPasswordRequest[***]";
        }
    }

    @GetMapping("/users")
    @Operation(summary = "List users", description = "Ordered by user name, paged with limit/continue.")
    UserList list(@Parameter(description = "part of the user name, display name or e-mail")
            @RequestParam(required = false) String search,
            @Parameter(description = "page size, 1-500, default 50") @RequestParam(required = false) Integer limit,
            @RequestParam(name = "continue", required = false) String continueToken) {
        Page<UserService.User> page = users.list(search, limit, continueToken);
        return new UserList(page.items(), page.continueToken());
    }

    @PostMapping("/users")
    @Operation(summary = "Create a local user", description = "The password must meet the password policy.")
    ResponseEntity<UserService.User> create(@RequestBody UserService.UserRequest request) {
        UserService.User user = users.create(request);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.username())).body(user);
    }

    @GetMapping("/users/{username}")
    @Operation(summary = "Get a user", description = "With its groups and lockout state.")
    UserService.User get(@PathVariable String username) {
        return users.get(username);
    }

    @PatchMapping("/users/{username}")
    @Operation(summary = "Change a user", description = "Display name, e-mail, enabled.")
    UserService.User update(@PathVariable String username, @RequestBody UserService.UserRequest request) {
        return users.update(username, request);
    }

    @DeleteMapping("/users/{username}")
    @Operation(summary = "Delete a user", description = "Also removes its access keys, memberships and role bindings.")
    ResponseEntity<Void> delete(@PathVariable String username) {
        users.delete(username);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users/{username}/password")
    @Operation(summary = "Reset a user's password", description = "Admin reset; also clears a lockout.")
    ResponseEntity<Void> resetPassword(@PathVariable String username, @RequestBody PasswordRequest request) {
        users.resetPassword(username, request.password());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users/{username}/unlock")
    @Operation(summary = "Unlock a user locked after failed logins")
    UserService.User unlock(@PathVariable String username) {
        return users.unlock(username);
    }

    @PostMapping("/me/password")
    @Operation(summary = "Change my password", description = "Needs the current password.")
    ResponseEntity<Void> changeOwn(@RequestBody OwnPasswordRequest request) {
        users.changeOwnPassword(request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
