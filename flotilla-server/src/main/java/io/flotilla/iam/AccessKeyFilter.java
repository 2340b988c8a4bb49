package io.flotilla.iam;

import io.flotilla.audit.AuditLog;
import io.flotilla.audit.AuditTarget;
import io.flotilla.platform.KubernetesStatus;
import io.flotilla.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <access key>}. A key that is unknown, expired or
 * revoked answers 401 and is audited as a failed login. Part of the security filter chain only.
 */
final class AccessKeyFilter extends OncePerRequestFilter {

    private final AccessKeyService keys;
    private final AuditLog audit;
    /** Keeps the context for this request's async dispatches (streams), never in a session. */
    private final RequestAttributeSecurityContextRepository requestContexts =
            new RequestAttributeSecurityContextRepository();

    AccessKeyFilter(AccessKeyService keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(7).trim();
        switch (keys.check(secret)) {
            case AccessKeyService.Check.Valid valid -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new IamAuthentication(valid.actor()));
                SecurityContextHolder.setContext(context);
                requestContexts.saveContext(context, request, response);
                request.setAttribute(AuditLog.ACCESS_KEY_ATTRIBUTE, valid.actor().accessKeyId());
                chain.doFilter(request, response);
            }
            case AccessKeyService.Check.Invalid invalid -> {
                audit.record("login.failed", "accesskey", invalid.keyId(),
                        AuditTarget.of("iam", "accesskeys", invalid.keyId()), 401, invalid.reason());
                if (KubernetesStatus.appliesTo(request)) {
                    KubernetesStatus.write(response, 401, "Unauthorized: the access key is not valid ("
                            + invalid.reason() + "); create a new one with POST /api/v1/accesskeys.");
                    return;
                }
                Problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", "The access key is not valid ("
                        + invalid.reason() + "); create a new one with POST /api/v1/accesskeys.",
                        request.getRequestURI());
            }
        }
    }
}
