package io.flotilla.cluster;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Probes every cluster whose next probe is due. Claims rows in PostgreSQL with a lease
 * ({@code FOR UPDATE SKIP LOCKED}), so several server replicas share the work without probing a
 * cluster twice; probes run on virtual threads. A deleted cluster's row is gone, so its work stops.
 */
@Component
class HealthMonitor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HealthMonitor.class);
    private static final int BATCH = 100;

    private final ClusterRepository repository;
    private final ClusterService service;
    private final HealthSettings settings;
    private final Clock clock;
    private final ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();

    HealthMonitor(ClusterRepository repository, ClusterService service, HealthSettings settings, Clock clock) {
        this.repository = repository;
        this.service = service;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${flotilla.clusters.health.tick:1s}", initialDelayString = "${flotilla.clusters.health.tick:1s}")
    void tick() {
        if (probes.isShutdown()) {
            return;
        }
        try {
            List<ClusterRow> due = repository.claimDue(clock.instant(), settings.probeTimeout().multipliedBy(3), BATCH);
            for (ClusterRow row : due) {
                probes.submit(() -> {
                    try {
                        service.probeAndSave(row);
                    } catch (RuntimeException e) {
                        log.warn("health probe of cluster {} failed unexpectedly", row.name(), e);
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("health monitor could not claim due clusters: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        probes.shutdown();
        probes.awaitTermination(5, TimeUnit.SECONDS);
    }
}
