package io.flotilla.sandbox.sim.model;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;

/** Kubernetes quantities as numbers: CPU in millicores, memory in bytes. Pure logic. */
public final class Quantities {

  private Quantities() {
  }

  public static long milliCpu(String quantity) {
    if (quantity == null || quantity.isEmpty()) {
      return 0;
    }
    return Quantity.getAmountInBytes(new Quantity(quantity)).multiply(BigDecimal.valueOf(1000)).longValue();
  }

  public static long bytes(String quantity) {
    if (quantity == null || quantity.isEmpty()) {
      return 0;
    }
    return Quantity.getAmountInBytes(new Quantity(quantity)).longValue();
  }
}
