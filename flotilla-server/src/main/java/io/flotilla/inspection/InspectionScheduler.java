package io.flotilla.inspection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fires scheduled inspections. Due configurations are claimed in PostgreSQL with
 * {@code FOR UPDATE SKIP LOCKED} (and a short lease), so several replicas never start the same run;
 * the unique index on active runs stops a second run of a cluster anyway. Also fails runs whose
 * server stopped (no heartbeat).
 */
@Component
class InspectionScheduler {

    private static final Logger log = LoggerFactory.getLogger(InspectionScheduler.class);
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final InspectionRepository repository;
    private final InspectionService service;
    private final InspectionSettings settings;
    private final Clock clock;

    InspectionScheduler(InspectionRepository repository, InspectionService service, InspectionSettings settings, Clock clock) {
        this.repository = repository;
        this.service = service;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${flotilla.inspection.tick:5s}", initialDelayString = "${flotilla.inspection.tick:5s}")
    void tick() {
        Instant now = clock.instant();
        try {
            int stale = repository.failStale(now.minus(settings.staleAfter()), now);
            if (stale > 0) {
                log.info("failed {} inspection runs whose server stopped", stale);
            }
            for (InspectionRepository.Due due : repository.claimDue(now, LEASE, 20)) {
                Instant next = due.schedule() == null ? null : Schedules.next(due.schedule(), now);
                repository.setNextRun(due.cluster(), due.schedule(), next);
                // started after the next time is stored: a stopped schedule (cluster gone) stays stopped
                InspectionRun run = service.startScheduled(due.cluster());
                if (run != null) {
                    log.info("scheduled inspection {} of cluster {} started; next at {}", run.id(), due.cluster(), next);
                }
            }
        } catch (RuntimeException e) {
            log.warn("inspection scheduler tick failed: {}", e.getMessage());
        }
    }
}
