package io.flotilla.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import io.flotilla.support.ServerTestBase;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The access-key and policy caches never outlive a change made through this replica: every
 * request below follows the change at once, well inside the cache's time to live.
 */
class IamCacheIT extends ServerTestBase {

    private static final Map<String, String> PLATFORM = Map.of("kind", "platform");

    @Autowired
    JdbcClient jdbc;

    private IamFixtures iam;

    @BeforeEach
    void fixtures() {
        iam = new IamFixtures(api);
    }

    @Test
    void deletingARoleBindingRevokesTheCachedDecisionAtOnce() {
        String name = IamFixtures.unique("cache-binding");
        Api user = iam.user(name);
        assertThat(user.get("/api/v1/audit").status()).isEqualTo(403);
        String binding = iam.bind(name, "Audit Owner", PLATFORM);
        assertThat(user.get("/api/v1/audit").status()).isEqualTo(200);
        assertThat(user.get("/api/v1/audit").status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/rolebindings/" + binding).status()).isEqualTo(204);
        assertThat(user.get("/api/v1/audit").status()).isEqualTo(403);
    }

    @Test
    void leavingAGroupDropsTheGroupsRolesAtOnce() {
        String name = IamFixtures.unique("cache-member");
        String group = IamFixtures.unique("cache-auditors");
        Api user = iam.user(name);
        iam.group(group, name);
        assertThat(api.post("/api/v1/rolebindings", IamFixtures.binding("group", group, "Audit Owner", PLATFORM))
                .status()).isEqualTo(201);
        assertThat(user.get("/api/v1/audit").status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/groups/" + group + "/members/" + name).status()).isEqualTo(200);
        assertThat(user.get("/api/v1/audit").status()).isEqualTo(403);
    }

    @Test
    void aCachedAccessKeyIsRefusedAtOnceWhenRevoked() {
        String name = IamFixtures.unique("cache-revoke");
        Api basic = iam.basicUser(name);
        Api.Response created = basic.post("/api/v1/accesskeys", Map.of("name", "ci"));
        Api bearer = api.withAuthorization("Bearer " + created.json().get("secret").asString());
        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(basic.delete("/api/v1/accesskeys/" + created.json().get("id").asString()).status())
                .isEqualTo(204);
        Api.Response refused = bearer.get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("revoked");
    }

    @Test
    void aCachedAccessKeyIsRefusedAtOnceWhenItsOwnerIsDisabled() {
        String name = IamFixtures.unique("cache-disable");
        Api user = iam.user(name);
        assertThat(user.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(api.patch("/api/v1/users/" + name, Map.of("enabled", false)).status()).isEqualTo(200);
        Api.Response refused = user.get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("disabled or locked");
    }

    @Test
    void repeatedKeyUseWritesLastUsedOncePerMinuteNotPerRequest() {
        String name = IamFixtures.unique("cache-touch");
        Api user = iam.user(name);
        for (int i = 0; i < 5; i++) {
            assertThat(user.get("/api/v1/me").status()).isEqualTo(200);
        }
        assertThat(api.get("/api/v1/audit?actor=" + name + "&action=accesskey.use").json().get("items").size())
                .isEqualTo(1);
        Integer used = jdbc.sql("SELECT count(*) FROM iam_access_keys k JOIN iam_users u ON u.id = k.user_id "
                + "WHERE u.username = :u AND k.last_used_at IS NOT NULL").param("u", name).query(Integer.class).single();
        assertThat(used).isEqualTo(1);
    }
}
