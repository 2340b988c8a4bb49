package io.flotilla.resource;

/**
 * The one rule for a workload's overall state, from its replica counts and conditions. Pure.
 *
 * <ul>
 *   <li>Stopped: nothing is desired (scaled to 0, suspended, or a finished Job)</li>
 *   <li>Failed: the controller gave up (Job failed, rollout past its progress deadline)</li>
 *   <li>Progressing: a change is being rolled out</li>
 *   <li>Running: every desired replica is ready and available</li>
 *   <li>Degraded: settled, but fewer replicas are available than desired</li>
 * </ul>
 */
public final class WorkloadState {

    public static final String RUNNING = "Running";
    public static final String PROGRESSING = "Progressing";
    public static final String DEGRADED = "Degraded";
    public static final String STOPPED = "Stopped";
    public static final String FAILED = "Failed";

    private WorkloadState() {}

    /**
     * The facts the state is computed from.
     *
     * @param desired replicas wanted (for a DaemonSet: desiredNumberScheduled)
     * @param current all replicas that exist, old and new
     * @param stopped scaled to 0, suspended (CronJob, Job) or completed (Job)
     * @param failed the controller reported failure (Job Failed, Deployment ProgressDeadlineExceeded)
     * @param rollingOut generation not yet observed, or a Job still has active pods
     */
    public record Facts(int desired, int current, int ready, int available, int updated, boolean stopped,
            boolean failed, boolean rollingOut) {}

    public static String of(Facts f) {
        if (f.failed()) {
            return FAILED;
        }
        if (f.stopped()) {
            return STOPPED;
        }
        if (f.rollingOut() || f.updated() < f.desired() || f.current() > f.desired()) {
            return PROGRESSING;
        }
        if (f.ready() >= f.desired() && f.available() >= f.desired()) {
            return RUNNING;
        }
        return DEGRADED;
    }
}
