package io.flotilla.iam;

import io.flotilla.audit.AuditLog;
import io.flotilla.audit.AuditTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * User name and password sign-in (console login and HTTP basic): local users by their bcrypt hash,
 * LDAP users by a bind against the directory. Counts failures, locks the account at the limit, and
 * audits failed logins and lockouts.
 */
@Component
class PasswordAuthenticator implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(PasswordAuthenticator.class);
    /** Refresh last-login at most this often for HTTP basic, which signs in on every request. */
    private static final Duration LAST_LOGIN_RESOLUTION = Duration.ofMinutes(1);

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final IamProperties properties;
    private final Clock clock;
    private final AuditLog audit;
    private final ObjectProvider<LdapLogin> ldap;
    private final String dummyHash;

    PasswordAuthenticator(UserStore users, PasswordEncoder encoder, IamProperties properties, Clock clock,
            AuditLog audit, ObjectProvider<LdapLogin> ldap) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
        this.ldap = ldap;
        this.dummyHash = encoder.encode("timing-equaliser-not-a-password");
    }

    @Override
    public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String username = request.getName();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        Instant now = clock.instant();
        Optional<UserStore.UserRow> found = users.find(username);
        if (found.isPresent() && found.get().lockedAt(now)) {
            fail(username, 423, "account locked until " + found.get().lockedUntil());
            throw new LockedException("The account is locked until " + found.get().lockedUntil()
                    + " after too many failed logins; wait, or ask an admin to unlock it.");
        }
        boolean ok = false;
        String via = "local";
        if (found.isPresent() && "local".equals(found.get().source())) {
            String hash = found.get().passwordHash();
            ok = hash != null && encoder.matches(password, hash);
        } else if ((found.isEmpty() || "ldap".equals(found.get().source())) && ldap.getIfAvailable() != null) {
            via = "ldap";
            ok = ldap.getObject().login(username, password);
            if (ok) {
                found = users.find(username);
            }
        } else {
            encoder.matches(password, dummyHash);
        }
        if (!ok || found.isEmpty()) {
            if (found.isPresent()) {
                Instant until = now.plus(properties.lockout().duration());
                if (users.recordFailure(found.get().id(), properties.lockout().maxFailures(), until)) {
                    log.warn("locked user {} until {} after {} failed logins", username, until,
                            properties.lockout().maxFailures());
                    audit.record("user.locked", username, null, AuditTarget.of("iam", "users", username), 423,
                            "locked until " + until + " after " + properties.lockout().maxFailures()
                                    + " failed logins");
                }
            }
            fail(username, 401, found.isPresent() ? "wrong password (" + via + ")" : "unknown user");
            throw new BadCredentialsException("Wrong user name or password.");
        }
        UserStore.UserRow user = found.get();
        if (!user.enabled()) {
            fail(username, 401, "account disabled");
            throw new DisabledException("The account is disabled; ask an admin to enable it.");
        }
        if (user.failedLogins() > 0 || user.lastLoginAt() == null
                || user.lastLoginAt().isBefore(now.minus(LAST_LOGIN_RESOLUTION))) {
            users.recordSuccess(user.id(), now);
        }
        return new IamAuthentication(new Actor(user.username(), null, "basic"));
    }

    private void fail(String username, int status, String why) {
        audit.record("login.failed", username, null, AuditTarget.of("iam", "users", username), status, why);
    }
}
