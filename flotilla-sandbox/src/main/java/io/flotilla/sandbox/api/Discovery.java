package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.store.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Discovery documents ({@code /version}, {@code /api}, {@code /apis}, group versions). Pure logic. */
public final class Discovery {

  /** gitVersion suffix by which callers recognise a simulated cluster. */
  public static final String VERSION_SUFFIX = "-flotilla-sandbox";
  public static final String GIT_VERSION = "v1.32.0" + VERSION_SUFFIX;

  private final ResourceCatalog catalog;

  public Discovery(ResourceCatalog catalog) {
    this.catalog = catalog;
  }

  public static ObjectNode version() {
    ObjectNode v = Json.object();
    v.put("major", "1");
    v.put("minor", "32");
    v.put("gitVersion", GIT_VERSION);
    v.put("gitCommit", "70d3cc986aa8221cd1dfb1121852688902d3bf53");
    v.put("gitTreeState", "clean");
    v.put("buildDate", "2024-12-11T17:59:15Z");
    v.put("goVersion", "go1.23.3");
    v.put("compiler", "gc");
    v.put("platform", "linux/amd64");
    return v;
  }

  public ObjectNode coreVersions(String serverAddress) {
    ObjectNode doc = Json.object();
    doc.put("kind", "APIVersions");
    doc.putArray("versions").add("v1");
    ObjectNode cidr = doc.putArray("serverAddressByClientCIDRs").addObject();
    cidr.put("clientCIDR", "0.0.0.0/0");
    cidr.put("serverAddress", serverAddress);
    return doc;
  }

  public ObjectNode groupList() {
    ObjectNode doc = Json.object();
    doc.put("kind", "APIGroupList");
    doc.put("apiVersion", "v1");
    ArrayNode groups = doc.putArray("groups");
    for (Map.Entry<String, List<String>> group : groupVersions().entrySet()) {
      groups.add(group(group.getKey(), group.getValue()));
    }
    return doc;
  }

  /** One API group document, or null when the group is not served. */
  public ObjectNode group(String name) {
    List<String> versions = groupVersions().get(name);
    return versions == null ? null : group(name, versions).put("kind", "APIGroup").put("apiVersion", "v1");
  }

  private static ObjectNode group(String name, List<String> versions) {
    ObjectNode g = Json.object();
    g.put("name", name);
    ArrayNode list = g.putArray("versions");
    for (String version : versions) {
      list.addObject().put("groupVersion", name + "/" + version).put("version", version);
    }
    g.putObject("preferredVersion").put("groupVersion", name + "/" + versions.get(0)).put("version",
        versions.get(0));
    return g;
  }

  private Map<String, List<String>> groupVersions() {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (ResourceType type : catalog.all()) {
      if (!type.group().isEmpty()) {
        List<String> versions = result.computeIfAbsent(type.group(), k -> new java.util.ArrayList<>());
        if (!versions.contains(type.version())) {
          versions.add(type.version());
        }
      }
    }
    return result;
  }

  /** The APIResourceList of a group version ({@code v1} or {@code apps/v1}), or null when not served. */
  public ObjectNode resourceList(String groupVersion) {
    List<ResourceType> types = catalog.byGroupVersion().get(groupVersion);
    if (types == null) {
      return null;
    }
    ObjectNode doc = Json.object();
    doc.put("kind", "APIResourceList");
    doc.put("apiVersion", "v1");
    doc.put("groupVersion", groupVersion);
    ArrayNode resources = doc.putArray("resources");
    for (ResourceType type : types) {
      ObjectNode r = resources.addObject();
      r.put("name", type.plural());
      r.put("singularName", type.singular());
      r.put("namespaced", type.namespaced());
      r.put("kind", type.kind());
      ArrayNode verbs = r.putArray("verbs");
      ResourceType.ALL_VERBS.forEach(verbs::add);
      if (!type.shortNames().isEmpty()) {
        ArrayNode shortNames = r.putArray("shortNames");
        type.shortNames().forEach(shortNames::add);
      }
      if (!type.categories().isEmpty()) {
        ArrayNode categories = r.putArray("categories");
        type.categories().forEach(categories::add);
      }
      r.put("storageVersionHash", Integer.toHexString(type.groupResource().hashCode()));
      for (String sub : type.subresources().stream().sorted().toList()) {
        ObjectNode s = resources.addObject();
        s.put("name", type.plural() + "/" + sub);
        s.put("singularName", "");
        s.put("namespaced", type.namespaced());
        switch (sub) {
          case "scale" -> s.put("group", "autoscaling").put("version", "v1").put("kind", "Scale");
          case "eviction" -> s.put("group", "policy").put("version", "v1").put("kind", "Eviction");
          case "binding" -> s.put("kind", "Binding");
          case "token" -> s.put("group", "authentication.k8s.io").put("version", "v1").put("kind",
              "TokenRequest");
          default -> s.put("kind", type.kind());
        }
        ArrayNode subVerbs = s.putArray("verbs");
        switch (sub) {
          case "log" -> subVerbs.add("get");
          case "eviction", "binding", "token" -> subVerbs.add("create");
          case "finalize" -> subVerbs.add("update");
          default -> subVerbs.add("get").add("patch").add("update");
        }
      }
    }
    return doc;
  }
}
