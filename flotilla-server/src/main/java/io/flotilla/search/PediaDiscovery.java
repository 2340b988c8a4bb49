package io.flotilla.search;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.ServerAddressByClientCIDR;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents kubectl reads under the search prefix (legacy discovery: kubectl falls back
 * to it because aggregated discovery is not offered). Every type is read-only: verbs get and list.
 * Pure: built from the served types.
 */
final class PediaDiscovery {

    private static final List<String> VERBS = List.of("get", "list");

    private PediaDiscovery() {}

    static APIVersions coreVersions() {
        return new APIVersionsBuilder().withApiVersion("v1").withKind("APIVersions").withVersions("v1")
                .withServerAddressByClientCIDRs(new ServerAddressByClientCIDR("0.0.0.0/0", "")).build();
    }

    static APIGroupList groups(List<SearchType> types) {
        List<APIGroup> groups = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : versionsByGroup(types).entrySet()) {
            if (!e.getKey().isEmpty()) {
                groups.add(group(e.getKey(), e.getValue()));
            }
        }
        return new APIGroupListBuilder().withApiVersion("v1").withKind("APIGroupList").withGroups(groups).build();
    }

    static Optional<APIGroup> group(List<SearchType> types, String name) {
        List<String> versions = versionsByGroup(types).get(name);
        return name.isEmpty() || versions == null ? Optional.empty() : Optional.of(group(name, versions));
    }

    /** The resources of one group version; empty when the group version is not served. */
    static Optional<APIResourceList> resources(List<SearchType> types, String group, String version) {
        List<APIResource> resources = new ArrayList<>();
        for (SearchType t : types) {
            if (t.group().equals(group) && t.version().equals(version)) {
                resources.add(new APIResourceBuilder().withName(t.resource()).withSingularName(t.singular())
                        .withNamespaced(t.namespaced()).withKind(t.kind()).withVerbs(VERBS)
                        .withShortNames(t.shortNames().isEmpty() ? null : t.shortNames())
                        .withCategories(t.categories().isEmpty() ? null : t.categories()).build());
            }
        }
        if (resources.isEmpty()) {
            return Optional.empty();
        }
        String gv = group.isEmpty() ? version : group + "/" + version;
        return Optional.of(new APIResourceListBuilder().withApiVersion("v1").withKind("APIResourceList")
                .withGroupVersion(gv).withResources(resources).build());
    }

    private static APIGroup group(String name, List<String> versions) {
        List<GroupVersionForDiscovery> gvs = versions.stream()
                .map(v -> new GroupVersionForDiscovery(name + "/" + v, v)).toList();
        return new APIGroupBuilder().withApiVersion("v1").withKind("APIGroup").withName(name).withVersions(gvs)
                .withPreferredVersion(gvs.getFirst()).build();
    }

    private static Map<String, List<String>> versionsByGroup(List<SearchType> types) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (SearchType t : types) {
            List<String> versions = out.computeIfAbsent(t.group(), g -> new ArrayList<>());
            if (!versions.contains(t.version())) {
                versions.add(t.version());
            }
        }
        return out;
    }
}
