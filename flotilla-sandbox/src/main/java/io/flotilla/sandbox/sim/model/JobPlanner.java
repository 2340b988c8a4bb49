package io.flotilla.sandbox.sim.model;

/** How many pods a Job still needs and whether it has finished. Pure logic. */
public final class JobPlanner {

  /** Where a Job stands. */
  public enum Outcome { RUNNING, COMPLETE, FAILED }

  /**
   * What to do.
   *
   * @param create  pods to create now
   * @param outcome RUNNING, COMPLETE (succeeded reached completions) or FAILED (failures beyond backoffLimit)
   */
  public record Plan(int create, Outcome outcome) {
  }

  private JobPlanner() {
  }

  /**
   * @param completions  spec.completions
   * @param parallelism  spec.parallelism
   * @param backoffLimit spec.backoffLimit
   * @param suspended    spec.suspend
   * @param active       pods not yet finished
   * @param succeeded    pods that succeeded
   * @param failed       pods that failed
   */
  public static Plan plan(int completions, int parallelism, int backoffLimit, boolean suspended, int active,
                          int succeeded, int failed) {
    if (succeeded >= completions) {
      return new Plan(0, Outcome.COMPLETE);
    }
    if (failed > backoffLimit) {
      return new Plan(0, Outcome.FAILED);
    }
    if (suspended) {
      return new Plan(0, Outcome.RUNNING);
    }
    int remaining = completions - succeeded;
    int wanted = Math.min(parallelism, remaining);
    return new Plan(Math.max(0, wanted - active), Outcome.RUNNING);
  }
}
