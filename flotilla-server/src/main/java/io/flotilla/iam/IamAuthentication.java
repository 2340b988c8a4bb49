package io.flotilla.iam;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * The platform's authentication: who, and how they signed in. Roles are not authorities here: they
 * come from role bindings, read by the authorisation service on each decision.
 */
final class IamAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;

    IamAuthentication(Actor actor) {
        super(List.of());
        this.actor = actor;
        setAuthenticated(true);
    }

    Actor actor() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return actor.username();
    }

    @Override
    public String getName() {
        return actor.username();
    }
}
