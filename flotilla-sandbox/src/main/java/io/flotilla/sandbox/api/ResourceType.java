package io.flotilla.sandbox.api;

import java.util.List;
import java.util.Set;

/**
 * One served Kubernetes resource (a REST collection), as discovery documents describe it.
 *
 * @param group         API group, empty for the core ("legacy") group
 * @param version       API version inside the group
 * @param plural        resource name in URLs, e.g. {@code deployments}
 * @param singular      singular name, e.g. {@code deployment}
 * @param kind          object kind, e.g. {@code Deployment}
 * @param namespaced    whether objects live in namespaces
 * @param shortNames    kubectl short names, e.g. {@code deploy}
 * @param categories    discovery categories, e.g. {@code all}
 * @param subresources  served subresources, e.g. {@code status}, {@code scale}, {@code log}
 */
public record ResourceType(String group, String version, String plural, String singular, String kind,
                           boolean namespaced, List<String> shortNames, List<String> categories,
                           Set<String> subresources) {

  /** The verbs every fully served resource supports. */
  public static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  public ResourceType {
    shortNames = List.copyOf(shortNames);
    categories = List.copyOf(categories);
    subresources = Set.copyOf(subresources);
  }

  /** {@code v1} for the core group, {@code group/version} otherwise. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** Kind of the list object, e.g. {@code PodList}. */
  public String listKind() {
    return kind + "List";
  }

  /** Group-qualified resource name, e.g. {@code deployments.apps}, as used in Status details. */
  public String groupResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** Whether the {@code status} subresource is served (status is then kept apart from spec writes). */
  public boolean hasStatus() {
    return subresources.contains("status");
  }

  /** URL prefix of the group version: {@code /api/v1} or {@code /apis/apps/v1}. */
  public String basePath() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  /** Path of one object (or its collection when {@code name} is null). */
  public String path(String namespace, String name) {
    StringBuilder sb = new StringBuilder(basePath());
    if (namespaced && namespace != null) {
      sb.append("/namespaces/").append(namespace);
    }
    sb.append('/').append(plural);
    if (name != null) {
      sb.append('/').append(name);
    }
    return sb.toString();
  }
}
