package io.flotilla.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills {@code search_resources} with COPY, as the sync engine would leave it: per cluster
 * {@code deployments} Deployments in 10 namespaces, each with one ReplicaSet owning its pods, so that
 * owner-seniority queries (Deployment → Pods) have real chains. 90% of pods Running, 8% Pending,
 * 2% Failed; 20 nodes per cluster; labels app=app-N and tier=front|back.
 */
final class SearchBenchData {

    static final int NAMESPACES = 10;
    static final int NODES = 20;
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private SearchBenchData() {}

    static String cluster(int c) {
        return String.format("c-%03d", c);
    }

    /** Name of pod {@code p} of deployment {@code d}: app-d-hash-p. */
    static String deployment(int d) {
        return "app-" + d;
    }

    /** Writes {@code clusters} × {@code podsPerCluster} pods plus their workloads; returns the rows written. */
    static long fill(Connection db, int clusters, int podsPerCluster, int podsPerDeployment) throws SQLException,
            IOException {
        CopyManager copy = ((PGConnection) db.unwrap(PGConnection.class)).getCopyAPI();
        Random random = new Random(42);
        long rows = 0;
        int deployments = Math.max(1, podsPerCluster / podsPerDeployment);
        for (int c = 0; c < clusters; c++) {
            StringBuilder b = new StringBuilder(podsPerCluster * 1600);
            String cluster = cluster(c);
            for (int d = 0; d < deployments; d++) {
                String ns = "ns-" + (d % NAMESPACES);
                String app = deployment(d);
                String depUid = UUID.randomUUID().toString();
                String rsUid = UUID.randomUUID().toString();
                String rsName = app + "-" + Integer.toHexString(0x5c8f00 + d);
                String tier = d % 2 == 0 ? "front" : "back";
                Instant created = T0.plusSeconds(d * 60L);
                row(b, cluster, "apps", "deployments", "Deployment", ns, app, depUid, null,
                        "{\"app\":\"" + app + "\",\"tier\":\"" + tier + "\"}", created,
                        deploymentJson(ns, app, depUid, tier, podsPerDeployment, created));
                row(b, cluster, "apps", "replicasets", "ReplicaSet", ns, rsName, rsUid, depUid,
                        "{\"app\":\"" + app + "\"}", created, replicaSetJson(ns, rsName, rsUid, app, depUid,
                                podsPerDeployment, created));
                rows += 2;
                for (int p = 0; p < podsPerDeployment && d * podsPerDeployment + p < podsPerCluster; p++) {
                    int roll = random.nextInt(100);
                    String phase = roll < 90 ? "Running" : roll < 98 ? "Pending" : "Failed";
                    String name = rsName + "-" + Integer.toString(p + 36 * 36, 36);
                    String uid = UUID.randomUUID().toString();
                    String node = phase.equals("Pending") ? null : "node-" + random.nextInt(NODES);
                    Instant podCreated = created.plusSeconds(p);
                    row(b, cluster, "", "pods", "Pod", ns, name, uid, rsUid,
                            "{\"app\":\"" + app + "\",\"tier\":\"" + tier + "\",\"pod-template-hash\":\"5c8f\"}",
                            podCreated, podJson(ns, name, uid, app, tier, rsName, rsUid, phase, node, podCreated));
                    rows++;
                }
            }
            for (int n = 0; n < NODES; n++) {
                row(b, cluster, "", "nodes", "Node", "", "node-" + n, UUID.randomUUID().toString(), null,
                        "{\"kubernetes.io/hostname\":\"node-" + n + "\"}", T0, "{\"apiVersion\":\"v1\",\"kind\":\"Node\","
                                + "\"metadata\":{\"name\":\"node-" + n + "\"},\"status\":{\"conditions\":[{\"type\":"
                                + "\"Ready\",\"status\":\"True\"}]}}");
                rows++;
            }
            copy.copyIn("COPY search_resources (cluster, api_group, version, resource, kind, namespace, name, uid, "
                    + "owner_uid, labels, resource_version, created_at, object) FROM STDIN", new StringReader(b.toString()));
        }
        try (Statement s = db.createStatement()) {
            s.execute("VACUUM (ANALYZE) search_resources"); // as autovacuum would soon: runs start alike
        }
        return rows;
    }

    private static void row(StringBuilder b, String cluster, String group, String resource, String kind, String ns,
            String name, String uid, String owner, String labels, Instant created, String json) {
        String version = "v1";
        b.append(cluster).append('\t').append(group).append('\t').append(version).append('\t').append(resource)
                .append('\t').append(kind).append('\t').append(ns).append('\t').append(name).append('\t').append(uid)
                .append('\t').append(owner == null ? "\\N" : owner).append('\t').append(labels).append('\t')
                .append(Math.abs(uid.hashCode())).append('\t').append(created).append('\t').append(json).append('\n');
    }

    private static String podJson(String ns, String name, String uid, String app, String tier, String rs, String rsUid,
            String phase, String node, Instant created) {
        boolean ready = phase.equals("Running");
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + ns
                + "\",\"uid\":\"" + uid + "\",\"resourceVersion\":\"" + Math.abs(uid.hashCode())
                + "\",\"creationTimestamp\":\"" + created + "\",\"labels\":{\"app\":\"" + app + "\",\"tier\":\"" + tier
                + "\",\"pod-template-hash\":\"5c8f\"},\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":"
                + "\"ReplicaSet\",\"name\":\"" + rs + "\",\"uid\":\"" + rsUid + "\",\"controller\":true,"
                + "\"blockOwnerDeletion\":true}]},\"spec\":{" + (node == null ? "" : "\"nodeName\":\"" + node + "\",")
                + "\"containers\":[{\"name\":\"app\",\"image\":\"registry.example.com/" + app + ":1.4.2\","
                + "\"ports\":[{\"containerPort\":8080,\"protocol\":\"TCP\"}],\"resources\":{\"requests\":{\"cpu\":"
                + "\"100m\",\"memory\":\"128Mi\"},\"limits\":{\"cpu\":\"500m\",\"memory\":\"256Mi\"}},"
                + "\"readinessProbe\":{\"httpGet\":{\"path\":\"/healthz\",\"port\":8080},\"periodSeconds\":10},"
                + "\"terminationMessagePath\":\"/dev/termination-log\",\"imagePullPolicy\":\"IfNotPresent\"}],"
                + "\"restartPolicy\":\"Always\",\"dnsPolicy\":\"ClusterFirst\",\"serviceAccountName\":\"default\","
                + "\"schedulerName\":\"default-scheduler\",\"terminationGracePeriodSeconds\":30},\"status\":{\"phase\":\""
                + phase + "\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"" + (ready ? "True" : "False")
                + "\"}],\"podIP\":\"10.1." + (Math.abs(uid.hashCode()) % 250) + ".7\",\"startTime\":\"" + created
                + "\",\"containerStatuses\":[{\"name\":\"app\",\"ready\":" + ready + ",\"restartCount\":0,\"image\":"
                + "\"registry.example.com/" + app + ":1.4.2\",\"started\":" + ready + "}]}}";
    }

    private static String deploymentJson(String ns, String name, String uid, String tier, int replicas,
            Instant created) {
        return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name
                + "\",\"namespace\":\"" + ns + "\",\"uid\":\"" + uid + "\",\"creationTimestamp\":\"" + created
                + "\",\"labels\":{\"app\":\"" + name + "\",\"tier\":\"" + tier + "\"}},\"spec\":{\"replicas\":"
                + replicas + ",\"selector\":{\"matchLabels\":{\"app\":\"" + name + "\"}},\"template\":{\"metadata\":"
                + "{\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":"
                + "\"registry.example.com/" + name + ":1.4.2\"}]}}},\"status\":{\"replicas\":" + replicas
                + ",\"readyReplicas\":" + replicas + ",\"updatedReplicas\":" + replicas + ",\"availableReplicas\":"
                + replicas + "}}";
    }

    private static String replicaSetJson(String ns, String name, String uid, String app, String owner, int replicas,
            Instant created) {
        return "{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"metadata\":{\"name\":\"" + name
                + "\",\"namespace\":\"" + ns + "\",\"uid\":\"" + uid + "\",\"creationTimestamp\":\"" + created
                + "\",\"labels\":{\"app\":\"" + app + "\"},\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":"
                + "\"Deployment\",\"name\":\"" + app + "\",\"uid\":\"" + owner + "\",\"controller\":true}]},"
                + "\"spec\":{\"replicas\":" + replicas + "},\"status\":{\"replicas\":" + replicas + ",\"readyReplicas\":"
                + replicas + "}}";
    }
}
