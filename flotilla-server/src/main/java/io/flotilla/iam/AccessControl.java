package io.flotilla.iam;

import io.flotilla.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The one authorisation decision of the platform: may the current principal do {@code verb} on
 * {@code resource} (optionally a named one)? Every endpoint calls it; deny by default.
 *
 * <p>Until global management (users, roles, bindings) lands, only platform admins are allowed.
 */
@Service
public class AccessControl {

    public static final String ROLE_ADMIN = "ROLE_ADMIN";

    public boolean allowed(Authentication principal, String verb, String resource, String name) {
        return principal != null && principal.isAuthenticated()
                && principal.getAuthorities().stream().anyMatch(a -> ROLE_ADMIN.equals(a.getAuthority()));
    }

    /** Throws 403 problem+json unless the current principal is allowed. */
    public void require(String verb, String resource, String name) {
        Authentication principal = SecurityContextHolder.getContext().getAuthentication();
        if (!allowed(principal, verb, resource, name)) {
            String who = principal == null ? "anonymous" : principal.getName();
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "'" + who + "' may not " + verb + " "
                    + resource + (name == null ? "" : " '" + name + "'") + "; ask a platform admin for access");
        }
    }
}
