package io.flotilla.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts the whole server (embedded PostgreSQL in a fresh data directory) once and shares it between
 * integration test classes through Spring's context cache. Health checks run fast here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "FLOTILLA_ADMIN_PASSWORD=" + ServerTestBase.ADMIN_PASSWORD,
        "flotilla.clusters.health.interval=1s",
        "flotilla.clusters.health.max-backoff=2s",
        "flotilla.clusters.health.probe-timeout=5s",
        "flotilla.clusters.health.tick=200ms",
        "flotilla.max-request-body=64KB",
        "flotilla.tls.port=0",
        "flotilla.inspection.tick=300ms",
        "flotilla.search.rediscover-every=1s",
        // the default types plus one custom group, for the test of CRDs installed after a sync started
        "flotilla.search.sync-resources=pods,nodes,namespaces,services,endpoints,configmaps,secrets,"
                + "persistentvolumeclaims,persistentvolumes,events,apps/deployments,apps/statefulsets,apps/daemonsets,"
                + "apps/replicasets,networking.k8s.io/ingresses,storage.k8s.io/storageclasses,batch/jobs,batch/cronjobs,"
                + "autoscaling/horizontalpodautoscalers,later.example.com/*",
        "logging.level.io.flotilla=info"
})
public abstract class ServerTestBase {

    public static final String ADMIN_PASSWORD = "it-admin-password-1";

    @LocalServerPort
    protected int port;

    protected Api api;

    /** One data directory for the shared server context, created once. */
    private static final String DATA_DIR = ItDataDirectory.create("flotilla-it-");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("flotilla.data-dir", () -> DATA_DIR);
    }

    @BeforeEach
    void client() {
        api = new Api("http://127.0.0.1:" + port, "admin", ADMIN_PASSWORD);
    }

}
