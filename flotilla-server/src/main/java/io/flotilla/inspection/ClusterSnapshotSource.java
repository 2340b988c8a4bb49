package io.flotilla.inspection;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.flotilla.cluster.ClusterService;
import io.flotilla.inspection.checks.Snapshot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a snapshot straight from the cluster's API through the shared fabric8 client, kind by kind,
 * in pages ({@code limit}/{@code continue}), so large clusters are never listed in one response.
 */
@Component
class ClusterSnapshotSource implements SnapshotSource {

    private static final Logger log = LoggerFactory.getLogger(ClusterSnapshotSource.class);

    private final ClusterService clusters;
    private final InspectionSettings settings;
    private final Clock clock;

    ClusterSnapshotSource(ClusterService clusters, InspectionSettings settings, Clock clock) {
        this.clusters = clusters;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public int steps() {
        return Snapshot.KINDS.size() + 1;
    }

    @Override
    public Result take(String cluster, Progress progress) {
        return take(cluster, progress, Set.of(), kind -> List.of());
    }

    /** Reads the kinds of a snapshot that come from elsewhere (the search index). */
    @FunctionalInterface
    interface KindReader {
        List<? extends HasMetadata> list(Class<? extends HasMetadata> kind);
    }

    /**
     * Reads a snapshot, taking the kinds in {@code fromIndex} from {@code indexed} and every other kind (and
     * /version, /readyz, the API groups) from the cluster.
     */
    Result take(String cluster, Progress progress, Set<Class<? extends HasMetadata>> fromIndex, KindReader indexed) {
        KubernetesClient client = clusters.sharedClient(cluster);
        int total = steps();
        Snapshot.Builder builder = Snapshot.builder(cluster, clock.instant());
        List<String> warnings = new ArrayList<>();
        progress.step(0, total, "reading /version, /readyz and API groups");
        try {
            builder.gitVersion(client.getKubernetesVersion().getGitVersion());
        } catch (KubernetesClientException e) {
            unreachable(cluster, "/version", e);
            warnings.add("/version: " + e.getMessage());
        }
        builder.readyz(readyz(client, cluster, warnings));
        builder.apiVersions(apiVersions(client, cluster, warnings));
        int step = 1;
        for (Class<? extends HasMetadata> kind : Snapshot.KINDS) {
            if (fromIndex.contains(kind)) {
                progress.step(step++, total, "reading " + HasMetadata.getPlural(kind) + " from the search index");
                builder.addAll(kind, indexed.list(kind));
                continue;
            }
            progress.step(step++, total, "listing " + HasMetadata.getPlural(kind));
            try {
                builder.addAll(kind, list(client, kind));
            } catch (KubernetesClientException e) {
                unreachable(cluster, HasMetadata.getPlural(kind), e);
                log.info("cluster {}: {} not readable for inspection ({}): {}", cluster, HasMetadata.getPlural(kind),
                        e.getCode(), e.getMessage());
                warnings.add(HasMetadata.getPlural(kind) + ": " + (e.getCode() == 403 ? "forbidden" : e.getCode() == 404
                        ? "not served by this cluster" : "HTTP " + e.getCode()));
            }
        }
        List<String> indexedKinds = Snapshot.KINDS.stream().filter(fromIndex::contains).map(HasMetadata::getPlural)
                .toList();
        return new Result(builder.build(), warnings, indexedKinds.isEmpty() ? SnapshotPlan.CLUSTER : SnapshotPlan.INDEX,
                indexedKinds);
    }

    private <T extends HasMetadata> List<T> list(KubernetesClient client, Class<T> kind) {
        List<T> all = new ArrayList<>();
        String token = null;
        do {
            ListOptions options = new ListOptionsBuilder().withLimit((long) settings.pageSize()).withContinue(token).build();
            KubernetesResourceList<T> page = Namespaced.class.isAssignableFrom(kind)
                    ? client.resources(kind).inAnyNamespace().list(options)
                    : client.resources(kind).list(options);
            for (T item : page.getItems()) {
                if (item instanceof Secret s) {
                    // only certificates are read from secrets; every other value is dropped at once
                    if (s.getData() != null) {
                        s.getData().keySet().retainAll(List.of("tls.crt"));
                    }
                    s.setStringData(null);
                }
                all.add(item);
            }
            token = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        } while (token != null && !token.isEmpty());
        return all;
    }

    private static String readyz(KubernetesClient client, String cluster, List<String> warnings) {
        try {
            return client.raw("/readyz?verbose");
        } catch (KubernetesClientException e) {
            unreachable(cluster, "/readyz", e);
            warnings.add("/readyz: " + e.getMessage());
            return null;
        }
    }

    private static List<String> apiVersions(KubernetesClient client, String cluster, List<String> warnings) {
        List<String> versions = new ArrayList<>(List.of("v1"));
        try {
            var groups = client.getApiGroups();
            if (groups != null && groups.getGroups() != null) {
                for (APIGroup g : groups.getGroups()) {
                    for (GroupVersionForDiscovery v : g.getVersions()) {
                        versions.add(v.getGroupVersion());
                    }
                }
            }
        } catch (KubernetesClientException e) {
            unreachable(cluster, "API groups", e);
            warnings.add("API groups: " + e.getMessage());
        }
        return versions;
    }

    /**
     * Connection failures (no HTTP status), rejected credentials and server errors end the run: a
     * partial snapshot must never be reported as complete. 403 and 404 are warnings (kind not readable).
     */
    private static void unreachable(String cluster, String what, KubernetesClientException e) {
        if (e.getCode() <= 0 || e.getCode() == 401 || e.getCode() >= 500) {
            String cause = e.getCause() == null ? e.getMessage() : e.getCause().getClass().getSimpleName() + ": "
                    + e.getCause().getMessage();
            throw new SourceUnavailableException("cluster '" + cluster + "' became unreachable while reading " + what
                    + " (" + (e.getCode() <= 0 ? cause : "HTTP " + e.getCode() + " " + e.getMessage()) + ")", e);
        }
    }
}
