package io.flotilla.sandbox.api;

import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request to the sandbox API, independent of the HTTP server.
 *
 * @param method  HTTP method, upper case
 * @param path    path without the query string
 * @param query   decoded query parameters (first value of each)
 * @param headers request headers, keys in lower case
 * @param body    request body (empty when none)
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                         byte[] body) {

  public ApiRequest {
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public String param(String name) {
    return query.get(name);
  }

  public boolean flag(String name) {
    String value = query.get(name);
    return value != null && (value.equals("true") || value.equals("1"));
  }

  public boolean dryRun() {
    String value = query.get("dryRun");
    return value != null && !value.isEmpty();
  }

  /** Whether the client accepts a server-side printed Table for lists and gets. */
  public boolean wantsTable() {
    String accept = header("accept");
    return accept != null && accept.contains("as=Table");
  }
}
