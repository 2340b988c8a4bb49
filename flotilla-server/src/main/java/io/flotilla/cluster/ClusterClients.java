package io.flotilla.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One long-lived fabric8 client per cluster and credentials generation, shared by every module.
 * A new generation (credentials changed) or a deleted cluster closes the old client.
 */
@Component
class ClusterClients implements DisposableBean {

    /** Request timeout of shared clients; watches and log streams are not bound by it. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private record Entry(long generation, KubernetesClient client) {}

    private final Map<UUID, Entry> clients = new ConcurrentHashMap<>();
    private final CredentialVault vault;

    ClusterClients(CredentialVault vault) {
        this.vault = vault;
    }

    KubernetesClient get(ClusterRow row) {
        Entry entry = clients.compute(row.id(), (id, current) -> {
            if (current != null && current.generation() == row.generation()) {
                return current;
            }
            if (current != null) {
                current.client().close();
            }
            return new Entry(row.generation(),
                    ClusterClientFactory.create(vault.decrypt(row.id(), row.credentials()), REQUEST_TIMEOUT));
        });
        return entry.client();
    }

    void evict(UUID id) {
        Entry removed = clients.remove(id);
        if (removed != null) {
            removed.client().close();
        }
    }

    @Override
    public void destroy() {
        clients.values().forEach(e -> e.client().close());
        clients.clear();
    }
}
