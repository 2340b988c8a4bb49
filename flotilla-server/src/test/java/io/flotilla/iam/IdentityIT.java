package io.flotilla.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.support.Api;
import io.flotilla.support.Browser;
import io.flotilla.support.IamFixtures;
import io.flotilla.support.ServerTestBase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class IdentityIT extends ServerTestBase {

    @Autowired
    JdbcClient jdbc;

    private IamFixtures iam;

    @BeforeEach
    void fixtures() {
        iam = new IamFixtures(api);
    }

    @Test
    void bootstrapAdminIsANormalUserHoldingThePlatformAdminRole() {
        Api.Response me = api.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("admin");
        assertThat(me.json().get("source").asString()).isEqualTo("local");
        assertThat(me.json().get("platformRoles").toString()).contains("Admin");
        assertThat(me.json().get("can").get("users").toString()).contains("create", "delete");
        assertThat(me.json().get("clusters").toString()).contains("*");
        Api.Response user = api.get("/api/v1/users/admin");
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.body()).doesNotContain("password").doesNotContain("bcrypt");
    }

    @Test
    void consoleLoginSetsHardenedSessionCookieAndRequiresCsrfTokenForChanges() {
        String name = IamFixtures.unique("console");
        iam.user(name);
        Browser browser = new Browser(api.base());

        Api.Response login = browser.login(name, IamFixtures.PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().get("username").asString()).isEqualTo(name);
        assertThat(login.json().get("authenticatedBy").asString()).isEqualTo("session");
        List<String> setCookies = login.raw().headers().allValues("Set-Cookie");
        assertThat(setCookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax"));
        assertThat(browser.cookie("XSRF-TOKEN")).isNotBlank();

        assertThat(browser.get("/api/v1/me").json().get("username").asString()).isEqualTo(name);
        Api.Response forged = browser.postWithoutCsrf("/api/v1/accesskeys", Map.of("name", "forged"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("detail").asString()).contains("X-XSRF-TOKEN");
        Api.Response genuine = browser.post("/api/v1/accesskeys", Map.of("name", "from-console"));
        assertThat(genuine.status()).as(genuine.body()).isEqualTo(201);

        assertThat(browser.post("/api/v1/logout", Map.of()).status()).isEqualTo(204);
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void scriptsUsingBasicAuthOrAccessKeysGetNoSessionAndStreamingWorksWithKeys() {
        Api.Response basic = api.get("/api/v1/me");
        assertThat(basic.raw().headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        Api key = IamFixtures.withKey(api);
        Api.Response viaKey = key.get("/api/v1/me");
        assertThat(viaKey.raw().headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        Api.Response export = key.get("/api/v1/audit/export?actor=" + IamFixtures.unique("nobody"));
        assertThat(export.status()).as("an async (streamed) response keeps the key's identity").isEqualTo(200);
        assertThat(export.body()).startsWith("seq,time,actor");
    }

    @Test
    void scriptsCarryingTheirOwnCredentialsGetNoXsrfCookieAndNeedNoCsrfToken() {
        Api key = IamFixtures.withKey(api);
        for (Api.Response r : List.of(api.get("/api/v1/me"), key.get("/api/v1/me"))) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.raw().headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("XSRF-TOKEN"));
        }
        Api.Response created = key.post("/api/v1/groups", Map.of("name", IamFixtures.unique("no-csrf")));
        assertThat(created.status()).as("a change with an access key needs no CSRF token").isEqualTo(201);
    }

    @Test
    void loginWithWrongPasswordAnswers401ProblemAndIsAudited() {
        String name = IamFixtures.unique("wrongpw");
        iam.user(name);
        Api.Response r = new Browser(api.base()).login(name, "not-the-password");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).contains("application/problem+json");
        JsonNode audit = api.get("/api/v1/audit?actor=" + name + "&action=login.failed").json().get("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void weakPasswordsAreRefusedWithEveryReasonAndNothingIsStored() {
        String name = IamFixtures.unique("weak");
        Api.Response shortAndPlain = api.post("/api/v1/users", Map.of("username", name, "password", "abc"));
        assertThat(shortAndPlain.status()).isEqualTo(400);
        assertThat(shortAndPlain.json().get("errors").toString()).contains("at least 10 characters")
                .contains("at least 3 of");
        Api.Response sameAsName = api.post("/api/v1/users", Map.of("username", name, "password", name));
        assertThat(sameAsName.status()).isEqualTo(400);
        assertThat(sameAsName.json().get("errors").toString()).contains("must not be the user name");
        assertThat(api.get("/api/v1/users/" + name).status()).isEqualTo(404);
    }

    @Test
    void duplicateUserNamesAnswer409() {
        String name = IamFixtures.unique("dup");
        iam.user(name);
        Api.Response again = api.post("/api/v1/users", Map.of("username", name, "password", IamFixtures.PASSWORD));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains(name);
    }

    @Test
    void bruteForceLocksTheAccountAuditsTheLockoutAndAnAdminCanUnlock() {
        String name = IamFixtures.unique("brute");
        Api user = iam.basicUser(name);
        Api wrong = api.withCredentials(name, "guess-Wrong-1");
        for (int i = 0; i < 5; i++) {
            assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
        }
        Api.Response locked = user.get("/api/v1/me");
        assertThat(locked.status()).as("the right password is refused while locked").isEqualTo(401);
        assertThat(locked.json().get("detail").asString()).contains("locked");

        JsonNode shown = api.get("/api/v1/users/" + name).json();
        assertThat(shown.get("locked").asBoolean()).isTrue();
        JsonNode lockouts = api.get("/api/v1/audit?actor=" + name + "&action=user.locked").json().get("items");
        assertThat(lockouts).hasSize(1);
        assertThat(api.get("/api/v1/audit?actor=" + name + "&action=login.failed").json().get("items").size())
                .isEqualTo(6);

        assertThat(api.post("/api/v1/users/" + name + "/unlock", Map.of()).status()).isEqualTo(200);
        assertThat(user.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void accessKeyIsShownOnceWorksAsBearerAndIsRefusedOnceRevoked() {
        String name = IamFixtures.unique("keys");
        Api user = iam.basicUser(name);
        Api.Response created = user.post("/api/v1/accesskeys", Map.of("name", "ci"));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        String id = created.json().get("id").asString();
        assertThat(secret).startsWith("flk_");

        Api.Response listed = user.get("/api/v1/accesskeys");
        assertThat(listed.body()).doesNotContain(secret).contains("\"state\":\"active\"");
        Api bearer = api.withAuthorization("Bearer " + secret);
        Api.Response me = bearer.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("authenticatedBy").asString()).isEqualTo("accesskey");
        assertThat(me.json().get("accessKeyId").asString()).isEqualTo(id);
        assertThat(user.get("/api/v1/accesskeys").json().get("items").get(0).get("lastUsedAt").isNull()).isFalse();
        assertThat(api.get("/api/v1/audit?actor=" + name + "&action=accesskey.use").json().get("items").size())
                .isEqualTo(1);

        assertThat(user.delete("/api/v1/accesskeys/" + id).status()).isEqualTo(204);
        Api.Response refused = bearer.get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("revoked");
    }

    @Test
    void expiredAccessKeyIsRefused() {
        String name = IamFixtures.unique("expired");
        Api user = iam.user(name);
        Api.Response created = user.post("/api/v1/accesskeys", Map.of("name", "short", "expiresInDays", 1));
        String secret = created.json().get("secret").asString();
        jdbc.sql("UPDATE iam_access_keys SET expires_at = :t WHERE name = 'short' AND user_id = "
                        + "(SELECT id FROM iam_users WHERE username = :u)")
                .param("t", java.sql.Timestamp.from(Instant.now().minusSeconds(5))).param("u", name).update();
        Api.Response refused = api.withAuthorization("Bearer " + secret).get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("expired");
        assertThat(api.withAuthorization("Bearer flk_made-up").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void accessKeyExpiryInThePastIsRefused() {
        Api.Response r = api.post("/api/v1/accesskeys", Map.of("name", IamFixtures.unique("past"),
                "expiresAt", "2020-01-01T00:00:00Z"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("expiresAt");
    }

    @Test
    void meSummarisesResourceBindingAndQuotaRightsSoTheConsoleShowsOnlyPermittedButtons() {
        assertThat(api.get("/api/v1/me").json().get("can").get("resourcebindings").toString()).contains("create", "delete");
        String owner = IamFixtures.unique("cowner");
        Api clusterOwner = iam.user(owner);
        iam.bind(owner, "Cluster Owner", IamFixtures.platform());
        JsonNode can = clusterOwner.get("/api/v1/me").json().get("can");
        assertThat(can.get("quotas").toString()).contains("update", "delete");
        assertThat(can.get("resourcebindings").toString()).contains("create");
        assertThat(can.has("groups")).isFalse();
        String viewer = IamFixtures.unique("auditor");
        Api auditor = iam.user(viewer);
        iam.bind(viewer, "Audit Owner", IamFixtures.platform());
        assertThat(auditor.get("/api/v1/me").json().get("can").has("resourcebindings")).isFalse();
    }

    @Test
    void userWithoutRolesSeesNoClustersAndMayNotRegisterOne() {
        Api nobody = iam.user(IamFixtures.unique("norole"));
        Api.Response list = nobody.get("/api/v1/clusters");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items")).isEmpty();
        Api.Response create = nobody.post("/api/v1/clusters", Map.of("name", "nope", "server", "https://x:6443",
                "token", "t"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(nobody.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(nobody.get("/api/v1/me").json().get("can").isEmpty()).isTrue();
    }

    @Test
    void usersChangeTheirOwnPasswordWithTheCurrentOneAndTheChangeIsAudited() {
        String name = IamFixtures.unique("selfpw");
        Api user = iam.basicUser(name);
        assertThat(user.post("/api/v1/me/password", Map.of("currentPassword", "wrong-Guess-1",
                "newPassword", "An0ther-good-pw")).status()).isEqualTo(400);
        assertThat(user.post("/api/v1/me/password", Map.of("currentPassword", IamFixtures.PASSWORD,
                "newPassword", "An0ther-good-pw")).status()).isEqualTo(204);
        assertThat(user.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api.withCredentials(name, "An0ther-good-pw").get("/api/v1/me").status()).isEqualTo(200);
        JsonNode entries = api.get("/api/v1/audit?action=users.password&kind=users&name=" + name + "&result=success")
                .json().get("items");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("summary").asString()).doesNotContain("An0ther-good-pw");
    }

    @Test
    void everyGlobalManagementEndpointIsDocumentedInOpenApi() {
        Api.Response openapi = api.get("/api/openapi");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/users", "/api/v1/groups", "/api/v1/folders", "/api/v1/workspaces",
                "/api/v1/roles", "/api/v1/rolebindings", "/api/v1/workspaces/{workspace}/resourcebindings",
                "/api/v1/workspaces/{workspace}/quotas/{cluster}", "/api/v1/accesskeys", "/api/v1/audit",
                "/api/v1/audit/export", "/api/v1/audit/verify", "/api/v1/me", "/api/v1/login", "/api/v1/logout");
    }

    @Test
    void groupsHoldMembersAndLocalMembershipIsManagedByAdmins() {
        String user = IamFixtures.unique("member");
        iam.user(user);
        String group = IamFixtures.unique("team");
        iam.group(group, user);
        JsonNode g = api.get("/api/v1/groups/" + group).json();
        assertThat(g.get("members").toString()).contains(user);
        assertThat(api.get("/api/v1/users/" + user).json().get("groups").toString()).contains(group);
        assertThat(api.delete("/api/v1/groups/" + group + "/members/" + user).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/groups", Map.of("name", group)).status()).isEqualTo(409);
    }
}
