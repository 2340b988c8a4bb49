package io.flotilla.sandbox.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A parsed resource URL: {@code /api/v1/namespaces/ns/pods/name/log} or
 * {@code /apis/apps/v1/deployments}. Pure logic.
 *
 * @param group       API group ("" for core)
 * @param version     API version
 * @param namespace   namespace from the path, or null
 * @param plural      resource
 * @param name        object name, or null for collections
 * @param subresource subresource, or null
 * @param watchPrefix whether the deprecated {@code /watch/} form was used
 */
public record ApiPath(String group, String version, String namespace, String plural, String name,
                      String subresource, boolean watchPrefix) {

  /** Parses a resource path; empty when the path is not a resource path. */
  public static Optional<ApiPath> parse(String path) {
    List<String> parts = new ArrayList<>(Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList());
    String group;
    String version;
    if (parts.size() >= 3 && parts.get(0).equals("api")) {
      group = "";
      version = parts.get(1);
      parts = parts.subList(2, parts.size());
    } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
      group = parts.get(1);
      version = parts.get(2);
      parts = parts.subList(3, parts.size());
    } else {
      return Optional.empty();
    }
    boolean watch = false;
    if (!parts.isEmpty() && parts.get(0).equals("watch")) {
      watch = true;
      parts = parts.subList(1, parts.size());
    }
    if (parts.isEmpty() || parts.size() > 5) {
      return Optional.empty();
    }
    if (parts.get(0).equals("namespaces") && parts.size() >= 3
        && !(parts.size() == 3 && (parts.get(2).equals("status") || parts.get(2).equals("finalize")))) {
      return Optional.of(new ApiPath(group, version, parts.get(1), parts.get(2),
          parts.size() > 3 ? parts.get(3) : null, parts.size() > 4 ? parts.get(4) : null, watch));
    }
    if (parts.size() > 3) {
      return Optional.empty();
    }
    return Optional.of(new ApiPath(group, version, null, parts.get(0), parts.size() > 1 ? parts.get(1) : null,
        parts.size() > 2 ? parts.get(2) : null, watch));
  }
}
