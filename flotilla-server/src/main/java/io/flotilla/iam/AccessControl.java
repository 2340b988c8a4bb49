package io.flotilla.iam;

import org.springframework.stereotype.Service;

/**
 * Platform-scope shortcut kept for callers written before the {@link Authorization} service:
 * {@code require(verb, resource, name)} checks the current caller on the whole platform.
 * New code should call {@link Authorization} with the right scope.
 */
@Service
public class AccessControl {

    private final Authorization authorization;

    AccessControl(Authorization authorization) {
        this.authorization = authorization;
    }

    /** Throws 403 problem+json unless the current principal may do it platform-wide. */
    public void require(String verb, String resource, String name) {
        authorization.require(verb, resource, Scope.PLATFORM, name);
    }
}
