package io.flotilla.iam;

import io.flotilla.audit.AuditLog;
import io.flotilla.audit.AuditTarget;
import io.flotilla.platform.Problems;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * OIDC single sign-on with the authorization code flow. The provider's discovery document is read
 * on first use (the server starts even when the provider is down). Claims map to user name, e-mail,
 * display name and groups; the user and its OIDC groups are provisioned, then a console session
 * starts. Sign in by opening {@code /oauth2/authorization/oidc}.
 */
@Component
@ConditionalOnExpression("!'${flotilla.iam.oidc.issuer-uri:}'.isEmpty()")
class OidcSso implements OidcLogin {

    static final String REGISTRATION = "oidc";
    private static final Logger log = LoggerFactory.getLogger(OidcSso.class);

    private final IamProperties.Oidc settings;
    private final ExternalUsers external;
    private final Sessions sessions;
    private final AuditLog audit;
    private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();

    OidcSso(IamProperties properties, ExternalUsers external, Sessions sessions, AuditLog audit) {
        this.settings = properties.oidc();
        this.external = external;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        ClientRegistrationRepository repository = id -> REGISTRATION.equals(id) ? registration() : null;
        http.oauth2Login(o -> o.clientRegistrationRepository(repository)
                .successHandler((request, response, authentication) -> {
                    OidcUser oidc = (OidcUser) authentication.getPrincipal();
                    String username = oidc.getClaimAsString(settings.usernameClaim());
                    Optional<UserStore.UserRow> user = username == null || username.isBlank() ? Optional.empty()
                            : external.provision("oidc", username, oidc.getClaimAsString(settings.nameClaim()),
                                    oidc.getClaimAsString(settings.emailClaim()), groups(oidc));
                    if (user.isEmpty() || !user.get().enabled()) {
                        String who = username == null ? "oidc:" + oidc.getSubject() : username;
                        audit.record("login.failed", who, null, AuditTarget.of("iam", "users", who), 401,
                                "OIDC: " + (username == null ? "no '" + settings.usernameClaim() + "' claim"
                                        : user.isEmpty() ? "a non-OIDC user of that name exists" : "account disabled"));
                        sessions.end(request);
                        Problems.write(response, HttpStatus.UNAUTHORIZED, "Login failed", "The identity provider "
                                + "signed you in, but the platform cannot accept this account; ask an admin.",
                                request.getRequestURI());
                        return;
                    }
                    sessions.start(new Actor(username, null, "session"), request, response);
                    audit.record("login", username, null, AuditTarget.of("iam", "users", username), 200,
                            "console session (OIDC " + settings.issuerUri() + ")");
                    response.sendRedirect("/");
                })
                .failureHandler((request, response, e) -> {
                    audit.record("login.failed", "oidc", null, AuditTarget.of("iam", "users", null), 401,
                            "OIDC: " + e.getMessage());
                    Problems.write(response, HttpStatus.UNAUTHORIZED, "Login failed", "Single sign-on failed: "
                            + e.getMessage(), request.getRequestURI());
                }));
    }

    /** The client registration, from the issuer's discovery document, read once. */
    private ClientRegistration registration() {
        ClientRegistration current = registration.get();
        if (current != null) {
            return current;
        }
        ClientRegistration discovered = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                .registrationId(REGISTRATION)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .scope(settings.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .userNameAttributeName("sub")
                .build();
        registration.compareAndSet(null, discovered);
        log.info("OIDC provider {} discovered", settings.issuerUri());
        return registration.get();
    }

    private List<String> groups(OidcUser user) {
        Object claim = user.getClaims().get(settings.groupsClaim());
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String s && !s.isBlank()) {
            return List.of(s.split(","));
        }
        return List.of();
    }
}
