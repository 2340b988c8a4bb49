package io.flotilla.iam;

import io.flotilla.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The authorisation service: loads a user's bindings (once per request at most, briefly cached
 * across requests) and asks the pure
 * {@link PolicyEngine}. Deny by default.
 */
@Service
class AuthorizationService implements Authorization {

    private static final String CACHE = AuthorizationService.class.getName() + ".engine.";

    private final PolicyLoader loader;
    private final IamCaches caches;

    AuthorizationService(PolicyLoader loader, IamCaches caches) {
        this.loader = loader;
        this.caches = caches;
    }

    @Override
    public Decision decide(Actor actor, String verb, String resource, Scope scope, String name) {
        if (actor == null) {
            return Decision.deny("not signed in");
        }
        return engine(actor).decide(verb, resource, scope);
    }

    @Override
    public Listable listable(Actor actor, String resource, String verb) {
        return actor == null ? Listable.nothing() : engine(actor).listable(resource, verb);
    }

    @Override
    public Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof IamAuthentication iam) {
            return iam.actor();
        }
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "Sign in first: POST /api/v1/login, HTTP basic, or an access key as Authorization: Bearer.");
        }
        return new Actor(auth.getName(), null, "other");
    }

    @Override
    public void require(String verb, String resource, Scope scope, String name) {
        Actor actor = current();
        Decision d = decide(actor, verb, resource, scope, name);
        if (!d.allowed()) {
            throw forbidden(actor, verb, resource, name);
        }
    }

    @Override
    public void requireVisible(String verb, String resource, Scope scope, String name, String what) {
        Actor actor = current();
        if (!decide(actor, "get", resource, scope, name).allowed()) {
            throw ApiException.notFound(what);
        }
        if (!"get".equals(verb) && !decide(actor, verb, resource, scope, name).allowed()) {
            throw forbidden(actor, verb, resource, name);
        }
    }

    /**
     * The engine for the actor, kept for the rest of the request; its input comes from
     * {@link IamCaches} (reused for a few seconds, dropped at once on every identity change).
     */
    PolicyEngine engine(Actor actor) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String key = CACHE + actor.username();
        if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof PolicyEngine e) {
            return e;
        }
        PolicyEngine engine = new PolicyEngine(caches.policy(actor.username(), loader));
        if (request != null) {
            request.setAttribute(key, engine, RequestAttributes.SCOPE_REQUEST);
        }
        return engine;
    }

    /** Forgets cached decisions of this request (after role bindings changed). */
    void forget(String username) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(CACHE + username, RequestAttributes.SCOPE_REQUEST);
        }
    }

    static ApiException forbidden(Actor actor, String verb, String resource, String name) {
        return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "'" + actor.username() + "' may not " + verb + " "
                + resource + (name == null ? "" : " '" + name + "'")
                + "; ask an administrator of that scope for a role that allows it");
    }
}
