package io.flotilla.sandbox.store;

/**
 * A failed API operation carrying the HTTP status and the Kubernetes Status reason
 * ({@code NotFound}, {@code AlreadyExists}, {@code Conflict}, {@code Invalid}, ...).
 */
public class StoreException extends RuntimeException {

  private final int code;
  private final String reason;

  public StoreException(int code, String reason, String message) {
    super(message);
    this.code = code;
    this.reason = reason;
  }

  public int code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  public static StoreException notFound(String groupResource, String name) {
    return new StoreException(404, "NotFound", groupResource + " \"" + name + "\" not found");
  }

  public static StoreException alreadyExists(String groupResource, String name) {
    return new StoreException(409, "AlreadyExists", groupResource + " \"" + name + "\" already exists");
  }

  public static StoreException conflict(String groupResource, String name) {
    return new StoreException(409, "Conflict", "Operation cannot be fulfilled on " + groupResource + " \"" + name
        + "\": the object has been modified; please apply your changes to the latest version and try again");
  }

  public static StoreException invalid(String message) {
    return new StoreException(422, "Invalid", message);
  }

  public static StoreException badRequest(String message) {
    return new StoreException(400, "BadRequest", message);
  }

  public static StoreException gone(String message) {
    return new StoreException(410, "Expired", message);
  }
}
