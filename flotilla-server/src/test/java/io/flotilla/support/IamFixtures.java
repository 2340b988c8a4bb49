package io.flotilla.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Creates users, groups, folders, workspaces and role bindings through the real API, as an admin. */
public final class IamFixtures {

    public static final String PASSWORD = "Str0ng-enough-pw";

    private final Api admin;

    public IamFixtures(Api admin) {
        this.admin = admin;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A new local user; returns a client authenticated as that user with an access key (fast: no
     * bcrypt per request).
     */
    public Api user(String username) {
        return withKey(basicUser(username));
    }

    /** A new local user; returns a client signed in as that user with HTTP basic (password). */
    public Api basicUser(String username) {
        Api.Response r = admin.post("/api/v1/users", Map.of("username", username, "password", PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return admin.withCredentials(username, PASSWORD);
    }

    /** The same principal, authenticated with a new access key instead of its password. */
    public static Api withKey(Api basic) {
        Api.Response key = basic.post("/api/v1/accesskeys", Map.of("name", unique("it")));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        return basic.withAuthorization("Bearer " + key.json().get("secret").asString());
    }

    public void group(String name, String... members) {
        assertThat(admin.post("/api/v1/groups", Map.of("name", name)).status()).isEqualTo(201);
        for (String m : members) {
            assertThat(admin.put("/api/v1/groups/" + name + "/members/" + m).status()).isEqualTo(200);
        }
    }

    public String folder(String name, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("parent", parent);
        Api.Response r = admin.post("/api/v1/folders", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return name;
    }

    public String workspace(String name, String folder) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("folder", folder);
        Api.Response r = admin.post("/api/v1/workspaces", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return name;
    }

    /** Binds a role to a user; scope is e.g. Map.of("kind","workspace","name","ws1"). */
    public String bind(String user, String role, Map<String, String> scope) {
        Api.Response r = admin.post("/api/v1/rolebindings", binding("user", user, role, scope));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    public static Map<String, Object> binding(String subjectKind, String subject, String role,
            Map<String, String> scope) {
        return Map.of("subject", Map.of("kind", subjectKind, "name", subject), "role", role, "scope", scope);
    }

    public static Map<String, String> platform() {
        return Map.of("kind", "platform");
    }

    public static Map<String, String> folderScope(String name) {
        return Map.of("kind", "folder", "name", name);
    }

    public static Map<String, String> workspaceScope(String name) {
        return Map.of("kind", "workspace", "name", name);
    }

    public static Map<String, String> clusterScope(String cluster) {
        return Map.of("kind", "cluster", "cluster", cluster);
    }

    public static Map<String, String> namespaceScope(String cluster, String namespace) {
        return Map.of("kind", "namespace", "cluster", cluster, "namespace", namespace);
    }
}
