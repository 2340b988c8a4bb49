package io.flotilla.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.stereotype.Component;

/** Prometheus gauges of the registry: {@code flotilla_clusters{phase=...}}. */
@Component
class ClusterMetrics implements MeterBinder {

    private final ClusterRepository repository;

    ClusterMetrics(ClusterRepository repository) {
        this.repository = repository;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String phase : List.of(ClusterHealth.RUNNING, ClusterHealth.UNHEALTHY, ClusterHealth.UNKNOWN)) {
            Gauge.builder("flotilla.clusters", () -> repository.countByPhase(phase))
                    .description("registered clusters by health phase")
                    .tag("phase", phase)
                    .register(registry);
        }
    }
}
