package io.flotilla.iam;

import io.flotilla.audit.AuditLog;
import io.flotilla.audit.AuditTarget;
import io.flotilla.platform.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Console sign-in and sign-out (session cookie). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Login", description = "Console sessions")
class LoginController {

    private final PasswordAuthenticator authenticator;
    private final Sessions sessions;
    private final MeService me;
    private final Authorization authz;
    private final AuditLog audit;
    private final IamProperties properties;

    LoginController(PasswordAuthenticator authenticator, Sessions sessions, MeService me, Authorization authz,
            AuditLog audit, IamProperties properties) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.me = me;
        this.authz = authz;
        this.audit = audit;
        this.properties = properties;
    }

    /**
     * How one may sign in, for the console's login page (readable without signing in).
     *
     * @param ldap true when directory (LDAP) accounts can sign in with the password form
     * @param oidc true when single sign-on is configured
     * @param oidcLoginUrl where "Sign in with SSO" leads, null without OIDC
     */
    record LoginOptions(boolean ldap, boolean oidc, String oidcLoginUrl) {}

    @GetMapping("/login/options")
    @Operation(summary = "Sign-in options", description = "Which sign-in methods are configured: the password form "
            + "(local accounts, and LDAP accounts when LDAP is configured) and OIDC single sign-on. No authentication.")
    LoginOptions options() {
        boolean oidc = properties.oidc().enabled();
        return new LoginOptions(properties.ldap().enabled(), oidc,
                oidc ? "/oauth2/authorization/" + OidcSso.REGISTRATION : null);
    }

    /** Credentials for a console login. */
    record LoginRequest(String username, String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + ", password=***]";
        }
    }

    @PostMapping("/login")
    @Operation(summary = "Sign in", description = "Starts a console session: answers the caller (as GET /me) and "
            + "sets the session cookie and the XSRF-TOKEN cookie; send that token back in X-XSRF-TOKEN on changes.")
    MeService.Me login(@RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
        if (body == null || body.username() == null || body.username().isBlank() || body.password() == null) {
            throw ApiException.badRequest("username", "username and password are required");
        }
        Actor actor;
        try {
            actor = ((IamAuthentication) authenticator.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(body.username(), body.password()))).actor();
        } catch (AuthenticationException e) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Login failed", e.getMessage());
        }
        sessions.start(actor, request, response);
        audit.record("login", actor.username(), null, AuditTarget.of("iam", "users", actor.username()), 200,
                "console session (password)");
        return me.me(authz.current());
    }

    @PostMapping("/logout")
    @Operation(summary = "Sign out", description = "Ends the console session.")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        Actor actor = authz.current();
        audit.record("logout", actor.username(), actor.accessKeyId(), AuditTarget.of("iam", "users", actor.username()),
                204, "session ended");
        sessions.end(request);
        return ResponseEntity.noContent().build();
    }
}
