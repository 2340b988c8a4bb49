package io.flotilla.sandbox.sim.model;

/**
 * A node taint.
 *
 * @param key    taint key
 * @param value  taint value (may be empty)
 * @param effect NoSchedule, PreferNoSchedule or NoExecute
 */
public record Taint(String key, String value, String effect) {

  public Taint {
    value = value == null ? "" : value;
  }

  /** Whether this taint keeps pods without a matching toleration off the node. */
  public boolean blocksScheduling() {
    return "NoSchedule".equals(effect) || "NoExecute".equals(effect);
  }

  @Override
  public String toString() {
    return "{" + key + ": " + value + "}";
  }
}
