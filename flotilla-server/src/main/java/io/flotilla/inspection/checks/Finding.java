package io.flotilla.inspection.checks;

/**
 * One problem a check found on one object.
 *
 * @param checkId id of the check, e.g. {@code SEC-001}
 * @param message what is wrong with this object, for a person
 */
public record Finding(String checkId, Category category, Severity severity, ObjectRef object, String message) {

    /** The stable key of a finding across runs: check id plus object reference. */
    public String key() {
        return key(checkId, object);
    }

    public static String key(String checkId, ObjectRef ref) {
        return checkId + "|" + ref.key();
    }
}
