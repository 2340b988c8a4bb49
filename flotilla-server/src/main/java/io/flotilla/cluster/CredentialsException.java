package io.flotilla.cluster;

/** Credentials that cannot be used, with the request field at fault (e.g. {@code kubeconfig.users[0].user.exec}). */
public class CredentialsException extends RuntimeException {

    private final String field;

    public CredentialsException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
