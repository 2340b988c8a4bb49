package io.flotilla.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.search.SyncResourceSelection.Discovered;
import io.flotilla.search.SyncResourceSelection.Pattern;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a cluster's discovery documents and resolves the configured resources against them. */
final class SyncDiscovery {

    private SyncDiscovery() {}

    static List<IndexType> resolve(SyncHttp http, List<Pattern> patterns, boolean allCustomResources)
            throws SyncFailure, InterruptedException {
        Set<String> custom = new HashSet<>();
        if (allCustomResources) {
            JsonNode crds = http.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions");
            for (JsonNode crd : crds.path("items")) {
                custom.add(crd.path("spec").path("names").path("plural").asText() + "."
                        + crd.path("spec").path("group").asText());
            }
        }
        Set<String> customGroups = new HashSet<>();
        custom.forEach(gr -> customGroups.add(gr.substring(gr.indexOf('.') + 1)));
        List<Discovered> discovered = new ArrayList<>();
        if (SyncResourceSelection.wantsGroup(patterns, "")) {
            read(http, "/api/v1", "", "v1", true, discovered);
        }
        for (JsonNode group : http.get("/apis").path("groups")) {
            String name = group.path("name").asText();
            if (!SyncResourceSelection.wantsGroup(patterns, name) && !customGroups.contains(name)) {
                continue;
            }
            String preferred = group.path("preferredVersion").path("version").asText();
            for (JsonNode v : group.path("versions")) {
                String version = v.path("version").asText();
                read(http, "/apis/" + name + "/" + version, name, version, version.equals(preferred), discovered);
            }
        }
        return SyncResourceSelection.select(patterns, allCustomResources, custom, discovered);
    }

    private static void read(SyncHttp http, String path, String group, String version, boolean preferred,
            List<Discovered> into) throws SyncFailure, InterruptedException {
        JsonNode list;
        try {
            list = http.get(path);
        } catch (SyncFailure e) {
            if (e.kind() == SyncFailure.Kind.HTTP && (e.code() == 404 || e.code() == 503)) {
                return; // a group version that is not (or no longer) served, e.g. an unavailable aggregated API
            }
            throw e;
        }
        for (JsonNode r : list.path("resources")) {
            Set<String> verbs = new HashSet<>();
            r.path("verbs").forEach(verb -> verbs.add(verb.asText()));
            into.add(new Discovered(group, version, r.path("name").asText(), r.path("kind").asText(),
                    r.path("namespaced").asBoolean(), verbs, preferred));
        }
    }
}
