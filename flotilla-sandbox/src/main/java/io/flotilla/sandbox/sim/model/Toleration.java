package io.flotilla.sandbox.sim.model;

/**
 * A pod toleration.
 *
 * @param key      taint key; empty with operator Exists tolerates everything
 * @param operator Equal (default) or Exists
 * @param value    value for Equal
 * @param effect   effect to tolerate; empty tolerates all effects
 */
public record Toleration(String key, String operator, String value, String effect) {

  public boolean tolerates(Taint taint) {
    if (effect != null && !effect.isEmpty() && !effect.equals(taint.effect())) {
      return false;
    }
    boolean exists = "Exists".equals(operator);
    if (key == null || key.isEmpty()) {
      return exists;
    }
    if (!key.equals(taint.key())) {
      return false;
    }
    return exists || (value == null ? "" : value).equals(taint.value());
  }
}
