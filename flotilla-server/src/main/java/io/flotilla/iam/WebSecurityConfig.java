package io.flotilla.iam;

import jakarta.servlet.DispatcherType;
import io.flotilla.audit.AuditLog;
import io.flotilla.platform.ConsoleRoutes;
import io.flotilla.platform.KubernetesStatus;
import io.flotilla.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach the API and how they sign in: console session (cookie, CSRF-protected), HTTP basic,
 * access keys ({@code Authorization: Bearer}), and OIDC single sign-on when configured. Failures
 * answer problem+json. What a signed-in caller may do is decided by {@link Authorization}.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfig {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** The XSRF-TOKEN cookie (readable by the console's JavaScript, echoed in X-XSRF-TOKEN). */
    @Bean
    CsrfTokenRepository csrfTokens() {
        return CookieCsrfTokenRepository.withHttpOnlyFalse();
    }

    /**
     * Spring Security's own observations (one per filter of the chain, per request) are off: they were
     * a tenth of the server's CPU per API call in the search benchmark; requests stay observed as
     * {@code http.server.requests}, and failed logins are audited.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccessKeyService keys, AuditLog audit,
            ObjectProvider<OidcLogin> oidc, CsrfTokenRepository csrfTokens) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        // async dispatches (server-sent events) continue a request that was already authorised
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/healthz", "/api/v1/login",
                                "/api/v1/login/options", "/oauth2/**", "/login/oauth2/**", "/error").permitAll()
                        // the console's static files and client routes (the login page among them)
                        .requestMatchers(request -> ConsoleRoutes.isConsolePath(request.getRequestURI())).permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new AccessKeyFilter(keys, audit), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.realmName("flotilla").authenticationEntryPoint(WebSecurityConfig::unauthorized)
                        // per request only: scripts using basic auth get no HTTP session
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(WebSecurityConfig::unauthorized)
                        .accessDeniedHandler((req, res, e) -> {
                            String detail = e instanceof CsrfException
                                    ? "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value in the "
                                    + "X-XSRF-TOKEN header with every change made with a session cookie."
                                    : "You may not do this.";
                            if (KubernetesStatus.appliesTo(req)) {
                                KubernetesStatus.write(res, 403, detail);
                            } else {
                                Problems.write(res, HttpStatus.FORBIDDEN, "Forbidden", detail, req.getRequestURI());
                            }
                        }))
                // sessions are started only by a console login (Sessions.start), never for basic or key calls
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER)
                        .sessionFixation(f -> f.changeSessionId()))
                .csrf(csrf -> csrf.spa().csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(new CredentialAwareCsrfHandler())
                        .requireCsrfProtectionMatcher(sessionMutation()))
                .logout(l -> l.disable())
                .headers(h -> h.contentTypeOptions(c -> { }).frameOptions(f -> f.deny()));
        OidcLogin sso = oidc.getIfAvailable();
        if (sso != null) {
            sso.configure(http);
        }
        return http.build();
    }

    /**
     * CSRF protection applies to changes authenticated by the session cookie: requests carrying their
     * own Authorization header (basic, access key) cannot be forged by another site's page.
     */
    private static RequestMatcher sessionMutation() {
        return (HttpServletRequest request) -> !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader("Authorization") == null
                && !"/api/v1/login".equals(request.getRequestURI());
    }

    /** 401 problem for every unauthenticated API call (never a redirect to a login page). */
    private static void unauthorized(HttpServletRequest req, HttpServletResponse res, AuthenticationException e)
            throws IOException {
        if (req.getHeader("X-Requested-With") == null) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"flotilla\"");
        }
        if (KubernetesStatus.appliesTo(req)) {
            KubernetesStatus.write(res, 401, "Unauthorized: give an access key (kubectl --token flk_...) or "
                    + "--username/--password. " + message(e));
            return;
        }
        Problems.write(res, HttpStatus.UNAUTHORIZED, "Unauthorized",
                "Sign in: POST /api/v1/login (console session), HTTP basic, or an access key as "
                        + "'Authorization: Bearer <key>'. " + message(e), req.getRequestURI());
    }

    private static String message(Exception e) {
        return e == null || e.getMessage() == null || e.getMessage().startsWith("Full authentication")
                ? "" : e.getMessage();
    }
}
