package io.flotilla.demo;

import io.flotilla.cluster.Cluster;
import io.flotilla.cluster.ClusterRequest;
import io.flotilla.cluster.ClusterService;
import io.flotilla.platform.ApiException;
import io.flotilla.platform.FlotillaProperties;
import io.flotilla.platform.SecretFiles;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Starts the demo sandbox clusters in-process and registers them (or refreshes their endpoint and
 * token after a restart, since a sandbox gets a new port and token each start). The platform talks to
 * them over plain HTTP on loopback; the kubeconfigs written to {@code dataDir/sandboxes/} for kubectl
 * use the HTTPS listener, because kubectl only sends bearer tokens over TLS.
 */
@Component
@ConditionalOnProperty(name = "flotilla.demo.enabled", havingValue = "true")
public class DemoClusters implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoClusters.class);

    private final DemoSettings settings;
    private final ClusterService clusters;
    private final Path kubeconfigDir;
    private final List<SandboxCluster> running = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Path> kubeconfigs = Collections.synchronizedMap(new LinkedHashMap<>());

    DemoClusters(DemoSettings settings, ClusterService clusters, FlotillaProperties properties) {
        this.settings = settings;
        this.clusters = clusters;
        this.kubeconfigDir = properties.dataDir().resolve("sandboxes").toAbsolutePath();
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String name : settings.clusters()) {
            SandboxCluster sandbox = SandboxCluster.start(SandboxSpec.demo(name));
            running.add(sandbox);
            Path file = kubeconfigDir.resolve(name + ".kubeconfig");
            SecretFiles.writeNew(file, sandbox.kubectlKubeconfig());
            kubeconfigs.put(name, file);
            register(name, sandbox);
        }
    }

    /** Kubeconfig files of the running demo clusters, by cluster name. */
    public Map<String, Path> kubeconfigs() {
        return Map.copyOf(kubeconfigs);
    }

    private void register(String name, SandboxCluster sandbox) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("provider", "sandbox");
        labels.put("environment", "demo");
        if (name.contains("east")) {
            labels.put("region", "east");
        } else if (name.contains("west")) {
            labels.put("region", "west");
        }
        try {
            clusters.get(name);
            clusters.update(name, new ClusterRequest(null, null, null, null, sandbox.kubeconfig(), null, null, null,
                    null, null, false));
            log.info("demo cluster {} refreshed at {}", name, sandbox.serverUrl());
        } catch (ApiException notFound) {
            Cluster c = clusters.register(new ClusterRequest(name, displayName(name),
                    "Simulated demo cluster started by 'flotilla up'", labels, sandbox.kubeconfig(), null, null, null,
                    null, null, false));
            log.info("demo cluster {} registered at {} ({})", name, sandbox.serverUrl(), c.status().phase());
        }
    }

    private static String displayName(String name) {
        String[] parts = name.split("-");
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty()) {
                b.append(b.isEmpty() ? "" : " ").append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
            }
        }
        return b + " (simulated)";
    }

    @Override
    public void destroy() {
        synchronized (running) {
            running.forEach(SandboxCluster::close);
            running.clear();
        }
    }
}
