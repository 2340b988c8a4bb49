package io.flotilla.iam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/** Starts and ends console sessions (cookie JSESSIONID: HttpOnly, SameSite=Lax, Secure on HTTPS). */
@Component
class Sessions {

    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final IamProperties properties;
    private final CsrfTokenRepository csrfTokens;

    Sessions(IamProperties properties, CsrfTokenRepository csrfTokens) {
        this.properties = properties;
        this.csrfTokens = csrfTokens;
    }

    /** Signs the actor in for this browser: a fresh session id (no fixation), the context stored in it. */
    void start(Actor actor, HttpServletRequest request, HttpServletResponse response) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval((int) properties.session().timeout().toSeconds());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new IamAuthentication(new Actor(actor.username(), null, "session")));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        // a new CSRF token for the new session: a token planted before the login is worthless after it
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
    }

    void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    /** Makes sure the XSRF-TOKEN cookie is sent, so the console can echo it in X-XSRF-TOKEN. */
    static void renderCsrfToken(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }
}
