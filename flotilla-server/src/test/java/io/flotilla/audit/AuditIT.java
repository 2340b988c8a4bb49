package io.flotilla.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import io.flotilla.support.ServerTestBase;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class AuditIT extends ServerTestBase {

    @Autowired
    JdbcClient jdbc;

    private IamFixtures iam;

    @BeforeEach
    void fixtures() {
        iam = new IamFixtures(api);
    }

    @Test
    void aMutationProducesExactlyOneEntryWithActorTargetResultRequestIdAndNoSecrets() throws Exception {
        String name = IamFixtures.unique("audited");
        String requestId = "audit-" + UUID.randomUUID();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.base() + "/api/v1/users"))
                .header("Authorization", basic("admin", ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .header("User-Agent", "audit-it/1.0")
                .POST(HttpRequest.BodyPublishers.ofString(Api.toJson(Map.of("username", name, "password",
                        "Sup3r-secret-pw", "email", name + "@example.com"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);

        JsonNode items = api.get("/api/v1/audit?kind=users&name=" + name).json().get("items");
        assertThat(items).hasSize(1);
        JsonNode e = items.get(0);
        assertThat(e.get("actor").asString()).isEqualTo("admin");
        assertThat(e.get("action").asString()).isEqualTo("users.create");
        assertThat(e.get("target").get("module").asString()).isEqualTo("iam");
        assertThat(e.get("target").get("kind").asString()).isEqualTo("users");
        assertThat(e.get("target").get("name").asString()).isEqualTo(name);
        assertThat(e.get("status").asInt()).isEqualTo(201);
        assertThat(e.get("result").asString()).isEqualTo("success");
        assertThat(e.get("requestId").asString()).isEqualTo(requestId);
        assertThat(e.get("sourceIp").asString()).isEqualTo("127.0.0.1");
        assertThat(e.get("userAgent").asString()).isEqualTo("audit-it/1.0");
        assertThat(e.get("summary").asString()).contains("password=***", name + "@example.com")
                .doesNotContain("Sup3r-secret-pw");
        assertThat(e.get("time").asString()).isNotBlank();
        assertThat(e.get("hash").asString()).hasSize(64);
    }

    @Test
    void refusedAndFailedMutationsAreRecordedWithTheirStatus() {
        String name = IamFixtures.unique("refused");
        Api nobody = iam.user(name);
        assertThat(nobody.post("/api/v1/groups", Map.of("name", "not-allowed")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/users", Map.of("username", name, "password", IamFixtures.PASSWORD)).status())
                .isEqualTo(409);

        JsonNode denied = api.get("/api/v1/audit?actor=" + name + "&action=groups.create").json().get("items");
        assertThat(denied).hasSize(1);
        assertThat(denied.get(0).get("status").asInt()).isEqualTo(403);
        assertThat(denied.get(0).get("result").asString()).isEqualTo("failure");
        JsonNode conflicts = api.get("/api/v1/audit?name=" + name + "&action=users.create&result=failure").json()
                .get("items");
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).get("status").asInt()).isEqualTo(409);
    }

    @Test
    void queriesFilterByFuzzyNameAndPageWithContinueTokens() {
        String marker = "pagemark" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/groups", Map.of("name", "g-" + marker + "-" + i)).status()).isEqualTo(201);
        }
        JsonNode first = api.get("/api/v1/audit?kind=groups&name=" + marker.toUpperCase() + "&match=fuzzy&limit=2")
                .json();
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("target").get("name").asString()).endsWith("-2");
        String token = first.get("continue").asString();
        JsonNode second = api.get("/api/v1/audit?kind=groups&name=" + marker + "&match=fuzzy&limit=2&continue="
                + token).json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("continue").isNull()).isTrue();
        assertThat(api.get("/api/v1/audit?kind=groups&name=" + marker).json().get("items"))
                .as("exact match finds none").isEmpty();
        assertThat(api.get("/api/v1/audit?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void chainVerifiesAndATamperedRowIsReportedAsTheFirstBrokenEntry() {
        String name = IamFixtures.unique("tamper");
        assertThat(api.post("/api/v1/groups", Map.of("name", name)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/groups", Map.of("name", name + "-next")).status()).isEqualTo(201);
        JsonNode ok = api.get("/api/v1/audit/verify").json();
        assertThat(ok.get("valid").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.get("checked").asLong()).isPositive();

        long seq = api.get("/api/v1/audit?kind=groups&name=" + name).json().get("items").get(0).get("seq").asLong();
        String original = jdbc.sql("SELECT actor FROM audit_entries WHERE seq = :s").param("s", seq)
                .query(String.class).single();
        jdbc.sql("UPDATE audit_entries SET actor = 'someone-else' WHERE seq = :s").param("s", seq).update();
        try {
            JsonNode broken = api.get("/api/v1/audit/verify").json();
            assertThat(broken.get("valid").asBoolean()).isFalse();
            assertThat(broken.get("firstBroken").get("seq").asLong()).isEqualTo(seq);
            assertThat(broken.get("firstBroken").get("reason").asString()).contains("hash mismatch");
        } finally {
            jdbc.sql("UPDATE audit_entries SET actor = :a WHERE seq = :s").param("a", original).param("s", seq)
                    .update();
        }
        assertThat(api.get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aDeletedRowBreaksTheLinkOfTheNextEntry() {
        String name = IamFixtures.unique("gap");
        assertThat(api.post("/api/v1/groups", Map.of("name", name)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/groups", Map.of("name", name + "-after")).status()).isEqualTo(201);
        long seq = api.get("/api/v1/audit?kind=groups&name=" + name).json().get("items").get(0).get("seq").asLong();
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_entries WHERE seq = :s").param("s", seq).query()
                .singleRow();
        jdbc.sql("DELETE FROM audit_entries WHERE seq = :s").param("s", seq).update();
        try {
            JsonNode broken = api.get("/api/v1/audit/verify").json();
            assertThat(broken.get("valid").asBoolean()).isFalse();
            assertThat(broken.get("firstBroken").get("seq").asLong()).isGreaterThan(seq);
            assertThat(broken.get("firstBroken").get("reason").asString()).contains("link mismatch");
        } finally {
            jdbc.sql("INSERT INTO audit_entries (seq, id, at, actor, access_key_id, source_ip, user_agent, action, "
                            + "module, cluster, namespace, kind, name, status, request_id, summary, prev_hash, hash) "
                            + "VALUES (:seq, :id, :at, :actor, :access_key_id, :source_ip, :user_agent, :action, "
                            + ":module, :cluster, :namespace, :kind, :name, :status, :request_id, :summary, "
                            + ":prev_hash, :hash)")
                    .params(row).update();
        }
        assertThat(api.get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void retentionDeletesOldEntriesAndTheRestOfTheChainStillVerifies() {
        String name = IamFixtures.unique("old");
        assertThat(api.post("/api/v1/groups", Map.of("name", name)).status()).isEqualTo(201);
        long oldest = jdbc.sql("SELECT min(seq) FROM audit_entries").query(Long.class).single();
        int aged = jdbc.sql("UPDATE audit_entries SET at = now() - interval '400 days' WHERE seq <= :s")
                .param("s", oldest + 2).update();

        JsonNode cleanup = api.post("/api/v1/audit/cleanup", Map.of()).json();
        assertThat(cleanup.get("deleted").asLong()).isEqualTo(aged);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entries WHERE seq <= :s").param("s", oldest + 2)
                .query(Long.class).single()).isZero();
        JsonNode verify = api.get("/api/v1/audit/verify").json();
        assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
    }

    @Test
    void onlyAuditReadersMayQueryAndOnlyAdminsMayClean() {
        String reader = IamFixtures.unique("auditor");
        Api auditor = iam.user(reader);
        Api nobody = iam.user(IamFixtures.unique("nosy"));
        iam.bind(reader, "Audit Owner", IamFixtures.platform());
        assertThat(auditor.get("/api/v1/audit?limit=1").status()).isEqualTo(200);
        assertThat(auditor.get("/api/v1/audit/verify").status()).isEqualTo(200);
        assertThat(auditor.post("/api/v1/audit/cleanup", Map.of()).status()).isEqualTo(403);
        assertThat(auditor.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(nobody.get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(nobody.get("/api/v1/audit/export").status()).isEqualTo(403);
    }

    @Test
    void csvExportOf100kEntriesStreamsWhileTheDatabaseIsStillBeingRead() throws Exception {
        String kind = "bulk" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO audit_entries (id, at, actor, action, module, kind, name, status, request_id, summary,
                    prev_hash, hash)
                SELECT gen_random_uuid(), now(), 'bulk', 'bulk.create', 'test', :kind, 'obj-' || i, 201, 'r-' || i,
                    'POST /api/v1/bulk ' || repeat('x', 80), 'x', 'x'
                FROM generate_series(1, 100000) AS i
                """).param("kind", kind).update();
        try {
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(api.base() + "/api/v1/audit/export?kind=" + kind))
                    .header("Authorization", basic("admin", ADMIN_PASSWORD)).timeout(Duration.ofSeconds(120))
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(r.headers().firstValue("Content-Length")).as("streamed, length unknown up front").isEmpty();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                assertThat(reader.readLine()).startsWith("seq,time,actor");
                assertThat(reader.readLine()).contains(",bulk,", kind);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE query LIKE '%FROM audit_entries%ORDER BY seq DESC%' AND pid <> pg_backend_pid()
                          AND state IN ('active', 'idle in transaction')
                        """).query(Long.class).single())
                        .as("the export still holds its cursor open while the client has read two lines")
                        .isPositive());
                long lines = 2;
                while (reader.readLine() != null) {
                    lines++;
                }
                assertThat(lines).isEqualTo(100_001);
            }
        } finally {
            jdbc.sql("DELETE FROM audit_entries WHERE kind = :kind").param("kind", kind).update();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
