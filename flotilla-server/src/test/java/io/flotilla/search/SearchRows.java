package io.flotilla.search;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes realistic rows into the index table directly (as the sync engine would): deployments with
 * their replica sets and pods (owner references), standalone pods, nodes, namespaces, config maps.
 */
final class SearchRows {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private final JdbcClient jdbc;
    private final SearchCache cache;

    /** Writes with {@code jdbc}; tells {@code cache} about each write, as the change feed would. */
    SearchRows(JdbcClient jdbc, SearchCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /** A written object: its uid and identity. */
    record Ref(String cluster, String namespace, String name, String uid) {
        String key() {
            return cluster + "/" + namespace + "/" + name;
        }
    }

    /**
     * The standard fleet of one cluster: deployment web (shop, 3 Running pods on node-1/node-2) and db
     * (ops, 1 Pending pod), a standalone pod debug (shop, annotated team=x), two nodes, two namespaces.
     * Creation times: T0 + minutes, in the order written.
     */
    Map<String, Ref> fleet(String cluster) {
        Map<String, Ref> refs = new java.util.LinkedHashMap<>();
        namespace(cluster, "shop", 0);
        namespace(cluster, "ops", 0);
        node(cluster, "node-1");
        node(cluster, "node-2");
        Ref web = deployment(cluster, "shop", "web", Map.of("app", "web", "tier", "front"), 3, 1);
        Ref webRs = replicaSet(cluster, "shop", "web-7d4b9", web, Map.of("app", "web"), 2);
        refs.put("web", web);
        refs.put("web-rs", webRs);
        for (int i = 1; i <= 3; i++) {
            refs.put("web-" + i, pod(cluster, "shop", "web-7d4b9-" + i, webRs, Map.of("app", "web", "tier", "front"),
                    "Running", "node-" + (1 + i % 2), 2 + i, Map.of()));
        }
        Ref db = deployment(cluster, "ops", "db", Map.of("app", "db"), 1, 6);
        Ref dbRs = replicaSet(cluster, "ops", "db-5c8f", db, Map.of("app", "db"), 7);
        refs.put("db", db);
        refs.put("db-1", pod(cluster, "ops", "db-5c8f-1", dbRs, Map.of("app", "db"), "Pending", null, 8, Map.of()));
        refs.put("debug", pod(cluster, "shop", "debug", null, Map.of(), "Running", "node-2", 9, Map.of("team", "x")));
        return refs;
    }

    Ref namespace(String cluster, String name, int minute) {
        return write(cluster, "", "v1", "namespaces", new NamespaceBuilder().withNewMetadata().withName(name)
                .endMetadata().withNewStatus().withPhase("Active").endStatus().build(), null, minute);
    }

    Ref node(String cluster, String name) {
        return write(cluster, "", "v1", "nodes", new NodeBuilder().withNewMetadata().withName(name)
                .withLabels(Map.of("kubernetes.io/hostname", name)).endMetadata().withNewStatus()
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .withNewNodeInfo().withKubeletVersion("v1.32.0").endNodeInfo().endStatus().build(), null, 0);
    }

    Ref deployment(String cluster, String ns, String name, Map<String, String> labels, int replicas, int minute) {
        return write(cluster, "apps", "v1", "deployments", new DeploymentBuilder().withNewMetadata().withName(name)
                .withNamespace(ns).withLabels(labels).endMetadata().withNewSpec().withReplicas(replicas)
                .withNewSelector().withMatchLabels(labels).endSelector().withNewTemplate().withNewMetadata()
                .withLabels(labels).endMetadata().withNewSpec().addNewContainer().withName("c").withImage("nginx:1.25")
                .endContainer().endSpec().endTemplate().endSpec().withNewStatus().withReplicas(replicas)
                .withReadyReplicas(replicas).withUpdatedReplicas(replicas).withAvailableReplicas(replicas).endStatus()
                .build(), null, minute);
    }

    Ref replicaSet(String cluster, String ns, String name, Ref owner, Map<String, String> labels, int minute) {
        return write(cluster, "apps", "v1", "replicasets", new ReplicaSetBuilder().withNewMetadata().withName(name)
                .withNamespace(ns).withLabels(labels).withOwnerReferences(owner("apps/v1", "Deployment", owner))
                .endMetadata().withNewSpec().withReplicas(1).endSpec().build(), owner.uid(), minute);
    }

    Ref pod(String cluster, String ns, String name, Ref owner, Map<String, String> labels, String phase, String node,
            int minute, Map<String, String> annotations) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(ns).withLabels(labels)
                .withAnnotations(annotations.isEmpty() ? null : annotations)
                .withOwnerReferences(owner == null ? List.of() : List.of(owner("apps/v1", "ReplicaSet", owner)))
                .endMetadata().withNewSpec().withNodeName(node).addNewContainer().withName("c")
                .withImage("nginx:1.25").endContainer().endSpec().withNewStatus().withPhase(phase)
                .addNewContainerStatus().withName("c").withReady("Running".equals(phase)).withRestartCount(0)
                .endContainerStatus().endStatus();
        return write(cluster, "", "v1", "pods", pod.build(), owner == null ? null : owner.uid(), minute);
    }

    Ref configMap(String cluster, String ns, String name) {
        return write(cluster, "", "v1", "configmaps", new ConfigMapBuilder().withNewMetadata().withName(name)
                .withNamespace(ns).endMetadata().withData(Map.of("k", "v")).build(), null, 0);
    }

    void delete(String cluster, String resource, String ns, String name) {
        jdbc.sql("DELETE FROM search_resources WHERE cluster = :c AND resource = :r AND namespace = :n AND name = :m")
                .param("c", cluster).param("r", resource).param("n", ns).param("m", name).update();
        cache.changed(List.of(SearchCache.EVERY_TYPE));
    }

    private static OwnerReference owner(String apiVersion, String kind, Ref owner) {
        return new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind).withName(owner.name())
                .withUid(owner.uid()).withController(true).build();
    }

    private Ref write(String cluster, String group, String version, String resource, HasMetadata object,
            String ownerUid, int minute) {
        String uid = UUID.randomUUID().toString();
        Instant created = T0.plusSeconds(60L * minute);
        object.getMetadata().setUid(uid);
        object.getMetadata().setResourceVersion(String.valueOf(1000 + minute));
        object.getMetadata().setCreationTimestamp(created.toString());
        String ns = object.getMetadata().getNamespace() == null ? "" : object.getMetadata().getNamespace();
        Map<String, String> labels = object.getMetadata().getLabels() == null ? Map.of() : object.getMetadata().getLabels();
        jdbc.sql("""
                INSERT INTO search_resources (cluster, api_group, version, resource, kind, namespace, name, uid,
                    owner_uid, labels, resource_version, created_at, object)
                VALUES (:cluster, :g, :v, :r, :kind, :ns, :name, :uid, :owner, CAST(:labels AS jsonb), :rv, :created,
                    CAST(:object AS jsonb))
                ON CONFLICT (cluster, api_group, resource, namespace, name) DO UPDATE SET object = EXCLUDED.object,
                    labels = EXCLUDED.labels, uid = EXCLUDED.uid, owner_uid = EXCLUDED.owner_uid
                """).param("cluster", cluster).param("g", group).param("v", version).param("r", resource)
                .param("kind", object.getKind()).param("ns", ns).param("name", object.getMetadata().getName())
                .param("uid", uid).param("owner", ownerUid).param("labels", JSON.asJson(labels))
                .param("rv", object.getMetadata().getResourceVersion())
                .param("created", OffsetDateTime.ofInstant(created, ZoneOffset.UTC))
                .param("object", JSON.asJson(object)).update();
        cache.changed(List.of(group + "/" + resource));
        return new Ref(cluster, ns, object.getMetadata().getName(), uid);
    }
}
