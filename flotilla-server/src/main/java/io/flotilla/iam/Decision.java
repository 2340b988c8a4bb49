package io.flotilla.iam;

/**
 * The answer of the authorisation service.
 *
 * @param allowed whether the action is allowed
 * @param reason for an allow, the role and scope that granted it; for a deny, why
 */
public record Decision(boolean allowed, String reason) {

    static Decision allow(String reason) {
        return new Decision(true, reason);
    }

    static Decision deny(String reason) {
        return new Decision(false, reason);
    }
}
