package io.flotilla.sandbox.sim;

import java.time.Duration;

/**
 * Timing of the simulation.
 *
 * @param heartbeatInterval how often node conditions get a fresh lastHeartbeatTime
 * @param crashLoopInterval how often a crash-looping container restarts
 * @param jobPodDuration    how long a Job pod runs before it succeeds (annotation
 *                          {@code sandbox.flotilla.io/run-seconds} overrides it per pod template)
 * @param cronInterval      how often CronJob schedules are checked
 * @param eventsPerPod      whether the kubelet-style events (Scheduled, Pulled, Created, Started) are recorded
 */
public record SimulatorSettings(Duration heartbeatInterval, Duration crashLoopInterval, Duration jobPodDuration,
                                Duration cronInterval, boolean eventsPerPod) {

  public static SimulatorSettings defaults() {
    return new SimulatorSettings(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(2),
        Duration.ofSeconds(5), true);
  }
}
