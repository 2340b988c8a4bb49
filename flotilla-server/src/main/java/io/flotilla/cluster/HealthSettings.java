package io.flotilla.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Periodic health checking of member clusters.
 *
 * @param interval time between probes of a healthy cluster
 * @param jitter fraction of the delay added or removed at random (0.2 = ±20%) so probes spread out
 * @param maxBackoff longest delay between probes of a failing cluster (the delay doubles per failure)
 * @param probeTimeout connect and request timeout of one probe
 * @param unhealthyAfterFailures consecutive failed probes before the cluster turns Unhealthy
 */
@ConfigurationProperties("flotilla.clusters.health")
public record HealthSettings(
        @DefaultValue("30s") Duration interval,
        @DefaultValue("0.2") double jitter,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("10s") Duration probeTimeout,
        @DefaultValue("1") int unhealthyAfterFailures) {}
