package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.StoreException;

/** {@code meta.k8s.io/v1 Status} documents, as a real API server writes them. */
public final class StatusDocs {

  private StatusDocs() {
  }

  public static ObjectNode status(int code, String reason, String message) {
    ObjectNode status = Json.object();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", code < 400 ? "Success" : "Failure");
    if (message != null) {
      status.put("message", message);
    }
    if (reason != null) {
      status.put("reason", reason);
    }
    status.put("code", code);
    return status;
  }

  public static ApiResponse failure(int code, String reason, String message) {
    return ApiResponse.json(code, status(code, reason, message));
  }

  public static ApiResponse failure(StoreException e) {
    return failure(e.code(), e.reason(), e.getMessage());
  }

  /** Failure with details naming the object, e.g. for NotFound. */
  public static ApiResponse failure(StoreException e, ResourceType type, String name) {
    ObjectNode status = status(e.code(), e.reason(), e.getMessage());
    ObjectNode details = status.putObject("details");
    if (name != null) {
      details.put("name", name);
    }
    if (type != null) {
      if (!type.group().isEmpty()) {
        details.put("group", type.group());
      }
      details.put("kind", type.plural());
    }
    return ApiResponse.json(e.code(), status);
  }

  public static ApiResponse unauthorized() {
    return failure(401, "Unauthorized", "Unauthorized");
  }

  public static ApiResponse notFound(String path) {
    return failure(404, "NotFound", "the server could not find the requested resource");
  }

  /** Success status returned for deletes of collections and evictions. */
  public static ApiResponse success(int code, ResourceType type, String name) {
    ObjectNode status = status(code, null, null);
    ObjectNode details = status.putObject("details");
    if (name != null) {
      details.put("name", name);
    }
    details.put("group", type.group());
    details.put("kind", type.plural());
    return ApiResponse.json(code, status);
  }
}
