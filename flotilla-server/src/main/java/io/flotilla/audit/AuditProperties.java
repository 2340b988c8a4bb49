package io.flotilla.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit settings.
 *
 * @param retention entries older than this are deleted by the retention job
 * @param cleanupInterval time between runs of the retention job
 * @param exportFetchSize rows fetched from the database per round trip while exporting
 */
@ConfigurationProperties("flotilla.audit")
public record AuditProperties(
        @DefaultValue("365d") Duration retention,
        @DefaultValue("1h") Duration cleanupInterval,
        @DefaultValue("1000") int exportFetchSize) {}
