package io.flotilla.inspection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the inspection module ({@code flotilla.inspection.*}).
 *
 * @param tick how often the scheduler looks for due schedules
 * @param pageSize objects per list request when reading a cluster
 * @param staleAfter a run without a heartbeat for this long is failed (its server stopped)
 * @param maxRetention the largest retention a configuration may ask for
 */
@ConfigurationProperties("flotilla.inspection")
record InspectionSettings(@DefaultValue("5s") Duration tick, @DefaultValue("500") int pageSize,
        @DefaultValue("5m") Duration staleAfter, @DefaultValue("1000") int maxRetention) {}
