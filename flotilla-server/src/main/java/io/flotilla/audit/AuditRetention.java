package io.flotilla.audit;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes audit entries older than the retention period, periodically (safe on several replicas). */
@Component
class AuditRetention {

    private final AuditService audit;
    private final AuditProperties properties;
    private final Clock clock;

    AuditRetention(AuditService audit, AuditProperties properties, Clock clock) {
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${flotilla.audit.cleanup-interval:1h}",
            initialDelayString = "${flotilla.audit.cleanup-interval:1h}")
    void clean() {
        audit.purgeOlderThan(clock.instant().minus(properties.retention()));
    }
}
