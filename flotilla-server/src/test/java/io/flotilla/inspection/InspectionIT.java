package io.flotilla.inspection;

import static io.flotilla.support.IamFixtures.unique;
import static io.flotilla.support.IamFixtures.workspaceScope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.sandbox.sim.Faults;
import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import io.flotilla.support.ServerTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Inspection against a sandbox cluster seeded with known problems (simulator faults plus crafted
 * objects): the exact findings of the seeded namespace and their score, viewer isolation, schedules,
 * retention, bad input, and a cluster that stops answering.
 */
class InspectionIT extends ServerTestBase {

    private static final String CLUSTER = "inspection-it";
    private static SandboxCluster sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxCluster.start(new SandboxSpec(CLUSTER, 3, 0, 11));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private void register(String name, SandboxCluster cluster) {
        if (api.get("/api/v1/clusters/" + name).status() == 404) {
            assertThat(api.post("/api/v1/clusters", Map.of("name", name, "kubeconfig", cluster.kubeconfig())).status())
                    .isEqualTo(201);
        }
    }

    /** Starts a run and waits until it is finished; returns the final run. */
    private JsonNode runToCompletion(Api as, String cluster) {
        Api.Response started = as.post("/api/v1/inspections/clusters/" + cluster + "/runs", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("status").asString()).isEqualTo("Pending");
        String id = started.json().get("id").asString();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> as.get("/api/v1/inspections/runs/" + id).json(),
                        r -> Set.of("Succeeded", "Failed").contains(r.get("status").asString()));
    }

    private static Set<String> keys(Api as, String runId, String query) {
        Set<String> keys = new TreeSet<>();
        String token = null;
        do {
            JsonNode page = as.get("/api/v1/inspections/runs/" + runId + "/findings?limit=1000" + query
                    + (token == null ? "" : "&continue=" + token)).json();
            for (JsonNode f : page.get("items")) {
                keys.add(f.get("checkId").asString() + " " + f.get("kind").asString() + "/" + f.get("name").asString());
            }
            token = page.get("continueToken") == null || page.get("continueToken").isNull() ? null
                    : page.get("continueToken").asString();
        } while (token != null);
        return keys;
    }

    private static String hardenedTemplate(String app, String image, String extraContainer) {
        return """
                    metadata: {labels: {app: %s, app.kubernetes.io/name: %s}}
                    spec:
                      automountServiceAccountToken: false
                      securityContext: {runAsNonRoot: true, runAsUser: 10001, seccompProfile: {type: RuntimeDefault}}
                      topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: %s}}}]
                      containers:
                      - name: app
                        image: %s
                        ports: [{name: http, containerPort: 8080}]
                        resources: {requests: {cpu: 50m, memory: 64Mi}, limits: {cpu: 200m, memory: 128Mi}}
                        readinessProbe: {httpGet: {path: /ready, port: http}}
                        livenessProbe: {httpGet: {path: /healthz, port: http}, periodSeconds: 20}
                        securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
                %s""".formatted(app, app, app, image, extraContainer);
    }

    private static String seeded(String ns) {
        return """
                apiVersion: v1
                kind: Namespace
                metadata: {name: %1$s}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: crashy, namespace: %1$s}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: crashy}}
                  template:
                %2$s---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: pully, namespace: %1$s}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: pully}}
                  template:
                %3$s---
                apiVersion: v1
                kind: Secret
                metadata: {name: db, namespace: %1$s}
                type: Opaque
                stringData: {password: s3cr3t-value}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: unused, namespace: %1$s}
                data: {a: b}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: orphan, namespace: %1$s}
                spec: {selector: {app: nothing}, ports: [{port: 80}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: broken, namespace: %1$s}
                spec:
                  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: gone, port: {number: 80}}}}]}}]
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: claim, namespace: %1$s}
                spec: {storageClassName: missing-class, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: crashy, namespace: %1$s}
                spec:
                  minReplicas: 2
                  maxReplicas: 2
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: crashy}
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: crashy, namespace: %1$s}
                spec: {maxUnavailable: 0, selector: {matchLabels: {app: crashy}}}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: everything, namespace: %1$s}
                rules: [{apiGroups: [""], resources: [configmaps], verbs: ["*"]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: everything, namespace: %1$s}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: everything}
                subjects: [{kind: ServiceAccount, name: default, namespace: %1$s}]
                """.formatted(ns,
                hardenedTemplate("crashy", "registry.example.com/shop/crashy:1.0", "").replace("    metadata: {labels",
                        "    metadata: {annotations: {" + Faults.ANNOTATION + ": " + Faults.CRASH_LOOP + "}, labels"),
                hardenedTemplate("pully", "registry.example.com/shop/pully:doesnotexist",
                        "        env: [{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]\n"));
    }

    private static void apply(KubernetesClient client, String yaml) {
        for (String doc : yaml.split("(?m)^---$")) {
            HasMetadata o = client.getKubernetesSerialization().unmarshal(doc);
            client.resource(o).create();
        }
    }

    @Test
    void seededNamespaceGivesExactlyItsKnownFindingsAndAViewerSeesOnlyThose() {
        register(CLUSTER, sandbox);
        KubernetesClient kube = sandbox.client();
        String faulty = kube.nodes().list().getItems().getLast().getMetadata().getName();
        kube.nodes().withName(faulty).edit(n -> {
            n.getMetadata().getAnnotations().put(Faults.ANNOTATION, Faults.NOT_READY);
            n.getSpec().setUnschedulable(true);
            return n;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> notReady(kube.nodes().withName(faulty).get()));
        String nsA = unique("insp-a");
        String nsB = unique("insp-b");
        apply(kube, seeded(nsA));
        apply(kube, """
                apiVersion: v1
                kind: Namespace
                metadata: {name: %1$s}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: other-team, namespace: %1$s}
                data: {a: b}
                """.formatted(nsB));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(waiting(kube, nsA))
                .containsExactlyInAnyOrder("CrashLoopBackOff", "CrashLoopBackOff", "ImagePullBackOff", "ImagePullBackOff"));

        // restart storms (WL-020) depend on how long the simulator has been crash-looping: not part of the exact set
        assertThat(api.put("/api/v1/inspections/clusters/" + CLUSTER + "/config",
                Map.of("disabledChecks", List.of("WL-020"))).status()).isEqualTo(200);
        JsonNode run = runToCompletion(api, CLUSTER);
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("Succeeded");
        assertThat(run.get("checksEvaluated").asInt()).isEqualTo(api.get("/api/v1/inspections/checks").json().size() - 1);
        assertThat(run.get("progress").get("step").asInt()).isEqualTo(run.get("progress").get("steps").asInt());
        String runId = run.get("id").asString();

        List<String> pods = kube.pods().inNamespace(nsA).list().getItems().stream().map(p -> p.getMetadata().getName())
                .sorted().toList();
        Set<String> expected = new TreeSet<>(List.of(
                "HY-001 Namespace/" + nsA, "HY-002 Namespace/" + nsA, "SEC-027 Namespace/" + nsA, "NET-009 Namespace/" + nsA,
                "SEC-029 ServiceAccount/default", "RB-001 Role/everything", "RB-005 RoleBinding/everything",
                "HY-003 ConfigMap/unused", "HY-005 PodDisruptionBudget/crashy", "HY-007 HorizontalPodAutoscaler/crashy",
                "HY-008 Deployment/pully", "NET-002 Service/orphan", "NET-004 Ingress/broken", "NET-006 Ingress/broken",
                "NET-008 Ingress/broken", "ST-007 PersistentVolumeClaim/claim", "WL-030 Deployment/crashy",
                "WL-030 Deployment/pully"));
        for (String pod : pods) {
            expected.add((pod.startsWith("crashy") ? "WL-021" : "WL-022") + " Pod/" + pod);
        }
        assertThat(pods).hasSize(4);
        assertThat(keys(api, runId, "&namespace=" + nsA)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(keys(api, runId, "")).contains("ND-002 Node/" + faulty, "ND-007 Node/" + faulty,
                "HY-003 ConfigMap/other-team");

        // a viewer of workspace A sees exactly A's findings, none of B's, none cluster-wide
        IamFixtures iam = new IamFixtures(api);
        String wsA = iam.workspace(unique("ws-insp"), null);
        assertThat(api.post("/api/v1/workspaces/" + wsA + "/resourcebindings",
                Map.of("cluster", CLUSTER, "namespace", nsA)).status()).isEqualTo(201);
        String viewerName = unique("viewer");
        Api viewer = iam.user(viewerName);
        iam.bind(viewerName, "Workspace Viewer", workspaceScope(wsA));
        assertThat(keys(viewer, runId, "")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(keys(viewer, runId, "&namespace=" + nsB)).isEmpty();
        JsonNode report = viewer.get("/api/v1/inspections/runs/" + runId + "/report").json();
        assertThat(report.get("complete").asBoolean()).isFalse();
        assertThat(report.get("findings").asInt()).isEqualTo(expected.size());
        // failing checks: critical WL-021, WL-022, NET-004, ST-007; warning HY-001, SEC-027, NET-009, RB-001, RB-005,
        // HY-005, HY-007, NET-002, NET-006, NET-008, WL-030; info HY-002, SEC-029, HY-003, HY-008
        int score = (int) Math.round(100 * Math.pow(0.85, 4) * Math.pow(0.97, 11) * Math.pow(0.995, 4));
        assertThat(report.get("score").asInt()).isEqualTo(score);
        assertThat(report.get("bySeverity").get("critical").asInt()).isEqualTo(6);
        assertThat(viewer.post("/api/v1/inspections/clusters/" + CLUSTER + "/runs", Map.of()).status()).isEqualTo(403);
        assertThat(viewer.put("/api/v1/inspections/clusters/" + CLUSTER + "/config", Map.of("retention", 3)).status())
                .isEqualTo(403);
        JsonNode fleet = viewer.get("/api/v1/inspections/fleet").json();
        assertThat(fleet.get("clusters").get(0).get("score").asInt()).isEqualTo(score);
        assertThat(fleet.get("worst").valueStream().map(f -> f.get("namespace").asString()).distinct().toList())
                .containsExactly(nsA);

        // acknowledging a finding takes it out of the count, and the acknowledgement is audited
        Api.Response ack = api.post("/api/v1/inspections/clusters/" + CLUSTER + "/acknowledgements", Map.of(
                "checkId", "HY-003", "kind", "ConfigMap", "namespace", nsA, "name", "unused",
                "reason", "kept for the migration", "expiresAt", Instant.now().plus(Duration.ofDays(7)).toString()));
        assertThat(ack.status()).as(ack.body()).isEqualTo(201);
        JsonNode after = viewer.get("/api/v1/inspections/runs/" + runId + "/report").json();
        assertThat(after.get("findings").asInt()).isEqualTo(expected.size() - 1);
        assertThat(after.get("acknowledged").asInt()).isEqualTo(1);
        assertThat(after.get("score").asInt()).isEqualTo((int) Math.round(100 * Math.pow(0.85, 4) * Math.pow(0.97, 11)
                * Math.pow(0.995, 3)));
        JsonNode audit = api.get("/api/v1/audit?action=acknowledgements.create").json().get("items");
        assertThat(audit.toString()).contains(CLUSTER).contains("acknowledgements");

        // exports
        Api.Response csv = viewer.get("/api/v1/inspections/runs/" + runId + "/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().count()).isEqualTo(expected.size() + 1);
        Api.Response html = viewer.get("/api/v1/inspections/runs/" + runId + "/export?format=html");
        assertThat(html.body()).contains("<table", "CrashLoopBackOff", nsA).doesNotContain(nsB);
        JsonNode json = viewer.get("/api/v1/inspections/runs/" + runId + "/export?format=json").json();
        assertThat(json.get("findings").size()).isEqualTo(expected.size());
    }

    @Test
    void secondRunReportsNewAndResolvedFindings() {
        register(CLUSTER, sandbox);
        KubernetesClient kube = sandbox.client();
        String ns = unique("insp-trend");
        apply(kube, """
                apiVersion: v1
                kind: Namespace
                metadata: {name: %1$s}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: first, namespace: %1$s}
                data: {a: b}
                """.formatted(ns));
        JsonNode first = runToCompletion(api, CLUSTER);
        assertThat(first.get("status").asString()).isEqualTo("Succeeded");
        kube.configMaps().inNamespace(ns).withName("first").delete();
        apply(kube, """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: second, namespace: %1$s}
                data: {a: b}
                """.formatted(ns));
        await().atMost(Duration.ofSeconds(10)).until(() -> kube.configMaps().inNamespace(ns).withName("first").get() == null);
        JsonNode second = runToCompletion(api, CLUSTER);
        JsonNode latest = api.get("/api/v1/inspections/clusters/" + CLUSTER + "/report").json();
        assertThat(latest.get("runId").asString()).isEqualTo(second.get("id").asString());
        assertThat(latest.get("history").valueStream().map(h -> h.get("runId").asString()).toList())
                .containsSubsequence(first.get("id").asString(), second.get("id").asString());
        JsonNode trend = latest.get("trend");
        assertThat(trend.get("previousRunId").asString()).isEqualTo(first.get("id").asString());
        assertThat(trend.get("newFindings").valueStream().map(f -> f.get("key").asString()).toList())
                .contains("HY-003|ConfigMap/" + ns + "/second").doesNotContain("HY-003|ConfigMap/" + ns + "/first");
        assertThat(trend.get("resolvedFindings").valueStream().map(f -> f.get("key").asString()).toList())
                .contains("HY-003|ConfigMap/" + ns + "/first");
    }

    @Test
    void scheduleFiresAndRetentionDeletesOldReports() {
        String name = unique("insp-sched");
        register(name, sandbox);
        String base = "/api/v1/inspections/clusters/" + name;
        Api.Response put = api.put(base + "/config", Map.of("schedule", "* * * * * *", "retention", 2,
                "categories", List.of("node")));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("nextRunAt").isNull()).isFalse();
        String firstRun = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get(base + "/runs").json().get("items"), items -> !items.isEmpty())
                .valueStream().toList().getLast().get("id").asString();
        assertThat(api.get("/api/v1/inspections/runs/" + firstRun).json().get("trigger").asString()).isEqualTo("schedule");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> api.get("/api/v1/inspections/runs/" + firstRun).status() == 404);
        List<JsonNode> runs = api.get(base + "/runs?limit=50").json().get("items").valueStream().toList();
        assertThat(runs.stream().filter(r -> Set.of("Succeeded", "Failed").contains(r.get("status").asString())).count())
                .isLessThanOrEqualTo(2);
        assertThat(api.put(base + "/config", Map.of("retention", 2)).json().get("nextRunAt").isNull()).isTrue();
        JsonNode checks = api.get("/api/v1/inspections/runs/" + runs.getFirst().get("id").asString()).json();
        assertThat(checks.get("trigger").asString()).isEqualTo("schedule");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(base + "/runs").json().get("items").valueStream()
                .allMatch(r -> Set.of("Succeeded", "Failed").contains(r.get("status").asString())));
        assertThat(api.delete("/api/v1/clusters/" + name).status()).isIn(200, 204);
    }

    @Test
    void badConfigurationIsRejectedWithAProblemNamingEachField() {
        register(CLUSTER, sandbox);
        String base = "/api/v1/inspections/clusters/" + CLUSTER;
        Map<String, Object> bad = Map.of("checks", List.of("SEC-001", "NOPE-001"), "categories", List.of("magic"),
                "schedule", "every minute", "retention", 0, "severityOverrides", Map.of("SEC-001", "urgent"));
        Api.Response r = api.put(base + "/config", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> fields = r.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).containsExactlyInAnyOrder("checks[1]", "categories[0]", "schedule", "retention",
                "severityOverrides.SEC-001");
        assertThat(r.json().get("errors").toString()).contains("NOPE-001", "every minute");
        Api.Response negative = api.put(base + "/config", Map.of("retention", -3));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("detail").asString()).startsWith("retention:");
        Api.Response cron = api.put(base + "/config", Map.of("schedule", "61 * * * *"));
        assertThat(cron.json().get("errors").get(0).get("field").asString()).isEqualTo("schedule");
        assertThat(api.get(base + "/config").json().get("retention").asInt()).isNotIn(0, -3);
        Api.Response ack = api.post(base + "/acknowledgements", Map.of("checkId", "SEC-001", "kind", "Deployment",
                "namespace", "x", "name", "y", "reason", "ok", "expiresAt", "2020-01-01T00:00:00Z"));
        assertThat(ack.status()).isEqualTo(400);
        assertThat(ack.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
        assertThat(api.get("/api/v1/inspections/runs/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/inspections/runs/not-a-uuid").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/inspections/clusters/no-such-cluster/config").status()).isEqualTo(404);
    }

    @Test
    void clusterThatStopsAnsweringEndsTheRunFailedWithTheReason() {
        String name = unique("insp-down");
        SandboxCluster doomed = SandboxCluster.start(new SandboxSpec(name, 1, 0, 5));
        try {
            register(name, doomed);
            doomed.stop();
            JsonNode run = runToCompletion(api, name);
            assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("Failed");
            assertThat(run.get("reason").asString()).contains(name).contains("unreachable");
            assertThat(run.get("findings").isNull()).isTrue();
            String id = run.get("id").asString();
            Api.Response report = api.get("/api/v1/inspections/runs/" + id + "/report");
            assertThat(report.status()).isEqualTo(409);
            assertThat(report.json().get("detail").asString()).contains("Failed");
            assertThat(api.get("/api/v1/inspections/runs/" + id + "/findings").status()).isEqualTo(409);
        } finally {
            api.delete("/api/v1/clusters/" + name);
            doomed.close();
        }
    }

    @Test
    void catalogueListsEveryCheckWithItsReferences() {
        JsonNode checks = api.get("/api/v1/inspections/checks").json();
        assertThat(checks.size()).isGreaterThanOrEqualTo(150);
        assertThat(api.get("/api/v1/inspections/checks?category=rbac").json().valueStream()
                .map(c -> c.get("id").asString())).allMatch(id -> id.startsWith("RB-"));
        assertThat(api.anonymous().get("/api/v1/inspections/checks").status()).isEqualTo(401);
        assertThat(api.get("/api/openapi").body()).contains("/api/v1/inspections/runs/{id}/report",
                "/api/v1/inspections/clusters/{cluster}/config", "/api/v1/inspections/fleet");
    }

    private static boolean notReady(Node n) {
        return n.getStatus() != null && n.getStatus().getConditions() != null && n.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && !"True".equals(c.getStatus()));
    }

    private static List<String> waiting(KubernetesClient kube, String ns) {
        List<String> reasons = new ArrayList<>();
        for (Pod p : kube.pods().inNamespace(ns).list().getItems()) {
            if (p.getStatus() != null && p.getStatus().getContainerStatuses() != null) {
                p.getStatus().getContainerStatuses().forEach(s -> {
                    if (s.getState() != null && s.getState().getWaiting() != null) {
                        reasons.add(s.getState().getWaiting().getReason());
                    }
                });
            }
        }
        return reasons;
    }
}
