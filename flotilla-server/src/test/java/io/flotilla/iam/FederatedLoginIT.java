package io.flotilla.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.flotilla.support.Api;
import io.flotilla.support.Browser;
import io.flotilla.support.IamFixtures;
import io.flotilla.support.ItDataDirectory;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * LDAP and OIDC logins end to end, against a real LDAP server (UnboundID in-memory directory) and a
 * real OIDC provider (mock-oauth2-server) that this test starts. The one extra server context of
 * the suite (its own data directory), because the identity providers are configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "FLOTILLA_ADMIN_PASSWORD=" + FederatedLoginIT.ADMIN_PASSWORD,
        "flotilla.iam.ldap.bind-dn=cn=Directory Manager",
        "flotilla.iam.ldap.bind-password=directory-secret",
        "flotilla.iam.ldap.user-search-base=ou=people,dc=flotilla,dc=test",
        "flotilla.iam.ldap.group-search-base=ou=groups,dc=flotilla,dc=test",
        "flotilla.iam.oidc.client-id=flotilla",
        "flotilla.iam.oidc.client-secret=oidc-client-secret",
        "flotilla.iam.lockout.max-failures=3",
        "logging.level.io.flotilla=info"
})
class FederatedLoginIT {

    static final String ADMIN_PASSWORD = "federated-admin-pw-1";
    private static final String ISSUER = "flotilla-idp";
    private static InMemoryDirectoryServer ldap;
    private static MockOAuth2Server oidc;

    @LocalServerPort
    int port;

    private Api admin;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) throws Exception {
        startLdap();
        oidc = new MockOAuth2Server();
        oidc.start();
        registry.add("flotilla.iam.ldap.url", () -> "ldap://127.0.0.1:" + ldap.getListenPort());
        registry.add("flotilla.iam.oidc.issuer-uri", () -> oidc.issuerUrl(ISSUER).toString());
        String dataDir = ItDataDirectory.create("flotilla-federated-it-");
        registry.add("flotilla.data-dir", () -> dataDir);
    }

    private static void startLdap() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=flotilla,dc=test");
        config.addAdditionalBindCredentials("cn=Directory Manager", "directory-secret");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("default", 0));
        ldap = new InMemoryDirectoryServer(config);
        ldap.add("dn: dc=flotilla,dc=test", "objectClass: domain", "dc: flotilla");
        ldap.add("dn: ou=people,dc=flotilla,dc=test", "objectClass: organizationalUnit", "ou: people");
        ldap.add("dn: ou=groups,dc=flotilla,dc=test", "objectClass: organizationalUnit", "ou: groups");
        person("lena", "Lena Ldap", "lena-Ldap-pw1");
        person("otto", "Otto Offline", "otto-Ldap-pw1");
        ldap.add("dn: cn=ldap-devs,ou=groups,dc=flotilla,dc=test", "objectClass: groupOfNames", "cn: ldap-devs",
                "member: uid=lena,ou=people,dc=flotilla,dc=test", "member: uid=otto,ou=people,dc=flotilla,dc=test");
        ldap.add("dn: cn=ldap-ops,ou=groups,dc=flotilla,dc=test", "objectClass: groupOfNames", "cn: ldap-ops",
                "member: uid=otto,ou=people,dc=flotilla,dc=test");
        ldap.startListening();
    }

    private static void person(String uid, String cn, String password) throws Exception {
        ldap.add("dn: uid=" + uid + ",ou=people,dc=flotilla,dc=test", "objectClass: inetOrgPerson", "uid: " + uid,
                "cn: " + cn, "sn: " + cn.split(" ")[1], "mail: " + uid + "@flotilla.test", "userPassword: " + password);
    }

    @AfterAll
    static void stopProviders() {
        ldap.shutDown(true);
        oidc.shutdown();
    }

    @BeforeEach
    void client() {
        admin = new Api("http://127.0.0.1:" + port, "admin", ADMIN_PASSWORD);
    }

    @Test
    void ldapUserSignsInToTheConsoleWithItsDirectoryGroups() {
        Browser browser = new Browser(admin.base());
        Api.Response login = browser.login("lena", "lena-Ldap-pw1");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        JsonNode me = browser.get("/api/v1/me").json();
        assertThat(me.get("username").asString()).isEqualTo("lena");
        assertThat(me.get("source").asString()).isEqualTo("ldap");
        assertThat(me.get("email").asString()).isEqualTo("lena@flotilla.test");
        assertThat(me.get("groups").toString()).contains("ldap-devs").doesNotContain("ldap-ops");
        assertThat(admin.get("/api/v1/audit?actor=lena&action=login").json().get("items")).hasSize(1);
    }

    @Test
    void ldapGroupRoleBindingsApplyToDirectoryMembers() {
        assertThat(admin.post("/api/v1/workspaces", Map.of("name", "ldap-ws")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/ldap/sync", Map.of()).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/rolebindings", IamFixtures.binding("group", "ldap-devs", "Workspace Viewer",
                IamFixtures.workspaceScope("ldap-ws"))).status()).isEqualTo(201);
        Api lena = admin.withCredentials("lena", "lena-Ldap-pw1");
        assertThat(lena.get("/api/v1/workspaces/ldap-ws").status()).isEqualTo(200);
    }

    @Test
    void wrongLdapPasswordIsRefusedAndCountsTowardsLockout() {
        assertThat(admin.post("/api/v1/ldap/sync", Map.of()).status()).isEqualTo(200);
        Api wrong = admin.withCredentials("otto", "not-his-password");
        for (int i = 0; i < 3; i++) {
            assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
        }
        assertThat(admin.withCredentials("otto", "otto-Ldap-pw1").get("/api/v1/me").status())
                .as("locked after 3 failures").isEqualTo(401);
        assertThat(admin.get("/api/v1/audit?actor=otto&action=user.locked").json().get("items")).hasSize(1);
        assertThat(admin.post("/api/v1/users/otto/unlock", Map.of()).status()).isEqualTo(200);
        assertThat(admin.withCredentials("otto", "otto-Ldap-pw1").get("/api/v1/me").status()).isEqualTo(200);
        assertThat(admin.withCredentials("nobody-in-ldap", "whatever-Pw-1").get("/api/v1/me").status())
                .isEqualTo(401);
    }

    @Test
    void ldapSyncImportsUsersAndGroupsWithoutALogin() {
        JsonNode result = admin.post("/api/v1/ldap/sync", Map.of()).json();
        assertThat(result.get("users").asInt()).isEqualTo(2);
        JsonNode otto = admin.get("/api/v1/users/otto").json();
        assertThat(otto.get("source").asString()).isEqualTo("ldap");
        assertThat(otto.get("displayName").asString()).isEqualTo("Otto Offline");
        assertThat(otto.get("groups").toString()).contains("ldap-devs", "ldap-ops");
        assertThat(admin.put("/api/v1/groups/ldap-ops/members/admin").status())
                .as("directory groups are managed by the directory").isEqualTo(409);
    }

    @Test
    void oidcAuthorizationCodeLoginMapsClaimsAndStartsASession() {
        oidc.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "subject-olga", JOSEObjectType.JWT.getType(),
                List.of("flotilla"), Map.of("preferred_username", "olga", "email", "olga@idp.test", "name",
                "Olga Oidc", "groups", List.of("sso-admins", "sso-devs")), 3600));
        Browser browser = new Browser(admin.base());
        Api.Response end = browser.follow("/oauth2/authorization/oidc", 10);
        assertThat(browser.cookie("JSESSIONID")).as(end.status() + " " + end.body()).isNotBlank();

        Api.Response me = browser.get("/api/v1/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("olga");
        assertThat(me.json().get("source").asString()).isEqualTo("oidc");
        assertThat(me.json().get("email").asString()).isEqualTo("olga@idp.test");
        assertThat(me.json().get("displayName").asString()).isEqualTo("Olga Oidc");
        assertThat(me.json().get("groups").toString()).contains("sso-admins", "sso-devs");
        assertThat(me.json().get("authenticatedBy").asString()).isEqualTo("session");
        assertThat(admin.get("/api/v1/audit?actor=olga&action=login").json().get("items")).hasSize(1);
        assertThat(browser.post("/api/v1/logout", Map.of()).status()).isEqualTo(204);
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void oidcLoginCannotTakeOverALocalAccount() {
        oidc.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "subject-admin", JOSEObjectType.JWT.getType(),
                List.of("flotilla"), Map.of("preferred_username", "admin"), 3600));
        Browser browser = new Browser(admin.base());
        Api.Response end = browser.follow("/oauth2/authorization/oidc", 10);
        assertThat(end.status()).isEqualTo(401);
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/audit?actor=admin&action=login.failed").json().get("items").get(0)
                .get("summary").asString()).contains("non-OIDC user");
    }
}
