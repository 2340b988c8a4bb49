package io.flotilla.platform;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The one status-carrying exception that services throw; rendered as RFC 9457 problem+json.
 * Messages must say what is wrong and what to do about it, and never contain secrets.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Extra members of the problem document (RFC 9457 extensions); none by default. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request",
                field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ApiException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid: " + String.join(", ",
                        errors.stream().map(FieldError::field).toList());
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", what + " does not exist");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail);
    }

    /** One invalid input field: its JSON path and what is wrong with it. */
    public record FieldError(String field, String message) {}
}
