package io.flotilla.sandbox.api;

import io.flotilla.sandbox.store.Json;
import java.nio.charset.StandardCharsets;

/**
 * A complete HTTP response.
 *
 * @param status      HTTP status code
 * @param contentType media type of the body
 * @param body        the body
 */
public record ApiResponse(int status, String contentType, byte[] body) implements ApiResult {

  public static final String JSON = "application/json";

  public static ApiResponse json(int status, Object body) {
    return new ApiResponse(status, JSON, Json.bytes(body));
  }

  public static ApiResponse text(int status, String text) {
    return new ApiResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
