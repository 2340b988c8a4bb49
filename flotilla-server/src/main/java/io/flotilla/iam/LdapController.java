package io.flotilla.iam;

import io.flotilla.platform.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Manual LDAP user and group sync. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Users", description = "Local, LDAP and OIDC users; password reset, unlock")
class LdapController {

    private final ObjectProvider<LdapDirectory> ldap;
    private final Authorization authz;

    LdapController(ObjectProvider<LdapDirectory> ldap, Authorization authz) {
        this.ldap = ldap;
        this.authz = authz;
    }

    @PostMapping("/ldap/sync")
    @Operation(summary = "Sync users and groups from LDAP now", description = "Also runs every "
            + "flotilla.iam.ldap.sync-interval. 409 when LDAP is not configured.")
    LdapDirectory.SyncResult sync() {
        authz.require("create", "users", Scope.PLATFORM, null);
        LdapDirectory directory = ldap.getIfAvailable();
        if (directory == null) {
            throw ApiException.conflict("LDAP is not configured; set flotilla.iam.ldap.url and the search settings");
        }
        try {
            return directory.sync();
        } catch (IllegalStateException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "LDAP error", e.getMessage());
        }
    }
}
