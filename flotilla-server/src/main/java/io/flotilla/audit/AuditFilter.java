package io.flotilla.audit;

import io.flotilla.platform.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every mutating API call (POST, PUT, PATCH, DELETE under /api/) once the handler is done,
 * whatever the outcome, in its own transaction: an entry is written even when the request fails
 * after its change was committed. Runs after Spring Security, so the caller is known.
 */
@Component
@Order(0)
class AuditFilter extends OncePerRequestFilter {

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Audited by the identity module itself, with better detail. */
    private static final Set<String> SELF_AUDITED = Set.of("/api/v1/login", "/api/v1/logout");
    private static final int BODY_CACHE = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditService audit;

    AuditFilter(AuditService audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !MUTATING.contains(request.getMethod()) || !path.startsWith("/api/") || SELF_AUDITED.contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingRequestWrapper wrapped = new ContentCachingRequestWrapper(request, BODY_CACHE);
        int status = 500;
        try {
            chain.doFilter(wrapped, response);
            status = response.getStatus();
        } finally {
            audit.append(event(wrapped, status));
        }
    }

    private static AuditEvent event(ContentCachingRequestWrapper request, int status) {
        String path = request.getRequestURI();
        RequestTargets.Derived derived = RequestTargets.derive(request.getMethod(), path);
        byte[] body = request.getContentAsByteArray();
        AuditTarget target = derived.target();
        if (request.getAttribute(AuditService.TARGET_ATTRIBUTE) instanceof AuditTarget described) {
            target = described;
        } else if (target.name() == null && derived.action().endsWith(".create")) {
            target = new AuditTarget(target.module(), target.cluster(), target.namespace(), target.kind(),
                    nameFromBody(body));
        }
        String summary = Summaries.of(request.getMethod(), path, body, request.getContentType());
        if (request.getAttribute(AuditService.SUMMARY_ATTRIBUTE) instanceof String extra) {
            summary = Summaries.truncate(extra + "; " + summary);
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()
                ? "anonymous" : auth.getName();
        Object key = request.getAttribute(AuditLog.ACCESS_KEY_ATTRIBUTE);
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.length() > 300) {
            agent = agent.substring(0, 300);
        }
        return new AuditEvent(actor, key == null ? null : key.toString(), request.getRemoteAddr(), agent,
                derived.action(), target, status, RequestIds.current(), summary);
    }

    private static String nameFromBody(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            for (String field : new String[] {"name", "username"}) {
                JsonNode v = node.get(field);
                if (v != null && v.isString()) {
                    return v.asString();
                }
            }
        } catch (JacksonException e) {
            return null;
        }
        return null;
    }
}
