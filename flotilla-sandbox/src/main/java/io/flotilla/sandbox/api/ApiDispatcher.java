package io.flotilla.sandbox.api;

import io.flotilla.sandbox.store.ObjectStore;
import io.flotilla.sandbox.store.StoreException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox API server's request router: authentication, {@code /version}, discovery, the refusal of
 * protobuf, and resource requests (delegated to {@link ResourceHandler}). Independent of the HTTP server.
 */
public final class ApiDispatcher {

  private static final Logger log = LoggerFactory.getLogger(ApiDispatcher.class);

  private final String cluster;
  private final byte[] expectedAuthorization;
  private final Discovery discovery;
  private final OpenApiDocs openApi;
  private final ResourceHandler resources;
  private final Supplier<String> serverAddress;

  /**
   * @param cluster       cluster name (for log lines)
   * @param token         bearer token clients must present
   * @param store         the cluster's object store
   * @param catalog       the cluster's served resources
   * @param serverAddress host:port clients reach the server at
   */
  public ApiDispatcher(String cluster, String token, ObjectStore store, ResourceCatalog catalog,
                       Supplier<String> serverAddress) {
    this.cluster = cluster;
    this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    this.discovery = new Discovery(catalog);
    this.openApi = new OpenApiDocs(catalog);
    this.resources = new ResourceHandler(store, catalog);
    this.serverAddress = serverAddress;
  }

  /** Whether the request carries the cluster's bearer token. */
  public boolean authenticated(String authorization) {
    return authorization != null
        && MessageDigest.isEqual(expectedAuthorization, authorization.trim().getBytes(StandardCharsets.UTF_8));
  }

  public ApiResult handle(ApiRequest request) {
    if (!authenticated(request.header("authorization"))) {
      return StatusDocs.unauthorized();
    }
    try {
      return route(request);
    } catch (StoreException e) {
      return StatusDocs.failure(e);
    } catch (RuntimeException e) {
      log.warn("cluster={} {} {} failed", cluster, request.method(), request.path(), e);
      return StatusDocs.failure(500, "InternalError", "an error on the server (\"" + e.getMessage()
          + "\") has prevented the request from succeeding");
    }
  }

  private ApiResult route(ApiRequest request) {
    String accept = request.header("accept");
    if (request.path().startsWith("/openapi/v2")) {
      return StatusDocs.notFound(request.path());
    }
    if (accept != null && accept.contains("protobuf") && !accept.contains("json") && !accept.contains("*/*")) {
      return StatusDocs.failure(406, "NotAcceptable", "only the following media types are accepted:"
          + " application/json, application/yaml (the sandbox does not speak protobuf)");
    }
    String path = request.path().length() > 1 && request.path().endsWith("/")
        ? request.path().substring(0, request.path().length() - 1) : request.path();
    if (request.method().equals("GET")) {
      Optional<ApiResult> fixed = fixedDocument(path);
      if (fixed.isPresent()) {
        return fixed.get();
      }
    }
    Optional<ApiPath> apiPath = ApiPath.parse(path);
    if (apiPath.isEmpty()) {
      return StatusDocs.notFound(path);
    }
    return resources.handle(request, apiPath.get());
  }

  private Optional<ApiResult> fixedDocument(String path) {
    switch (path) {
      case "/version" -> {
        return Optional.of(ApiResponse.json(200, Discovery.version()));
      }
      case "/api" -> {
        return Optional.of(ApiResponse.json(200, discovery.coreVersions(serverAddress.get())));
      }
      case "/apis" -> {
        return Optional.of(ApiResponse.json(200, discovery.groupList()));
      }
      case "/healthz", "/livez", "/readyz" -> {
        return Optional.of(ApiResponse.text(200, "ok"));
      }
      default -> {
        // fall through to the prefix rules below
      }
    }
    if (path.equals("/openapi/v3")) {
      return Optional.of(ApiResponse.json(200, openApi.index()));
    }
    if (path.startsWith("/openapi/v3/")) {
      var doc = openApi.groupVersion(path.substring("/openapi/v3/".length()));
      return Optional.of(doc == null ? StatusDocs.notFound(path) : ApiResponse.json(200, doc));
    }
    if (path.startsWith("/openapi/")) {
      return Optional.of(StatusDocs.notFound(path));
    }
    String[] parts = path.split("/");
    if (path.equals("/api/v1")) {
      return Optional.of(ApiResponse.json(200, discovery.resourceList("v1")));
    }
    if (parts.length == 3 && parts[1].equals("apis")) {
      var group = discovery.group(parts[2]);
      return Optional.of(group == null ? StatusDocs.notFound(path) : ApiResponse.json(200, group));
    }
    if (parts.length == 4 && parts[1].equals("apis")) {
      var list = discovery.resourceList(parts[2] + "/" + parts[3]);
      return Optional.of(list == null ? StatusDocs.notFound(path) : ApiResponse.json(200, list));
    }
    return Optional.empty();
  }
}
