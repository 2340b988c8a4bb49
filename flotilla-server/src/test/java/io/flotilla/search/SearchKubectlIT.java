package io.flotilla.search;

import static io.flotilla.support.IamFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.platform.TlsListener;
import io.flotilla.support.ServerTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The real /usr/bin/kubectl against the search API over HTTPS, authenticated with an access key. */
class SearchKubectlIT extends ServerTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchCache cache;

    @Autowired
    TlsListener tls;

    @TempDir
    Path home;

    private String east;
    private String west;
    private String token;

    @BeforeEach
    void fleet() {
        SearchRows rows = new SearchRows(jdbc, cache);
        east = unique("kc-east");
        west = unique("kc-west");
        rows.fleet(east);
        rows.fleet(west);
        token = api.post("/api/v1/accesskeys", Map.of("name", unique("kubectl"))).json().get("secret").asString();
    }

    private record Run(int exit, String out, String err) {}

    private Run kubectl(String server, String... args) {
        try {
            Path ca = home.resolve("server.crt");
            if (!Files.exists(ca)) {
                Files.writeString(ca, tls.certificatePem());
            }
            List<String> command = new ArrayList<>(List.of("/usr/bin/kubectl", "--server", server,
                    "--certificate-authority", ca.toString(), "--cache-dir", home.resolve("cache").toString(),
                    "--request-timeout", "30s"));
            command.addAll(List.of(args));
            Path kubeconfig = home.resolve("config");
            if (!Files.exists(kubeconfig)) {
                Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\n");
            }
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().put("KUBECONFIG", kubeconfig.toString());
            pb.environment().put("HOME", home.toString());
            Path out = home.resolve("out.txt");
            Path err = home.resolve("err.txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl did not finish: " + String.join(" ", command));
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kubectl sends tokens only over TLS, so it talks to the HTTPS listener (trusting its certificate). */
    private String all() {
        return "https://127.0.0.1:" + tls.port().getAsInt() + PediaPath.PREFIX;
    }

    @Test
    void listsPodsOfAllClustersWithAClusterColumn() {
        Run r = kubectl(all(), "--token", token, "get", "pods", "-A", "-l",
                "search.clusterpedia.io/clusters in (" + east + "," + west + ")");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.getFirst()).containsSubsequence("NAMESPACE", "CLUSTER", "NAME", "READY", "STATUS", "RESTARTS",
                "AGE");
        assertThat(lines).hasSize(11);
        assertThat(lines).anySatisfy(l -> assertThat(l).containsSubsequence("ops", east, "db-5c8f-1", "0/1", "Pending"));
        assertThat(lines).anySatisfy(l -> assertThat(l).containsSubsequence("shop", west, "web-7d4b9-2", "1/1",
                "Running"));
    }

    @Test
    void selectsDeploymentsByNamespaceAndLabel() {
        Run r = kubectl(all(), "--token", token, "get", "deployments", "-n", "shop", "-l",
                "app=web,search.clusterpedia.io/clusters=" + east);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).containsSubsequence(east, "web", "3/3");
    }

    @Test
    void printsOneObjectOfOneClusterAsYaml() {
        String one = all() + "/clusters/" + east;
        Run table = kubectl(one, "--token", token, "get", "pod", "debug", "-n", "shop");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).containsSubsequence("CLUSTER", "NAME", east, "debug", "Running");
        Run yaml = kubectl(one, "--token", token, "get", "pod", "debug", "-n", "shop", "-o", "yaml");
        assertThat(yaml.exit()).as(yaml.err()).isZero();
        assertThat(yaml.out()).contains("kind: Pod").contains("shadow.clusterpedia.io/cluster-name: " + east)
                .contains("team: x");
        Run missing = kubectl(one, "--token", token, "get", "pod", "nope", "-n", "shop");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("NotFound").contains("nope");
    }

    @Test
    void discoversTheServedTypesAndRefusesCallsWithoutCredentials() {
        Run types = kubectl(all(), "--token", token, "api-resources");
        assertThat(types.exit()).as(types.err()).isZero();
        assertThat(types.out()).contains("deployments").contains("pods");
        Run revoked = kubectl(all(), "--token", "flk_not-a-key", "get", "pods", "-A");
        assertThat(revoked.exit()).isNotZero();
        assertThat(revoked.err()).contains("You must be logged in to the server").contains("Unauthorized");
    }
}
