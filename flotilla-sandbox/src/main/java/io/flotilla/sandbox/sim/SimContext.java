package io.flotilla.sandbox.sim;

import io.flotilla.sandbox.store.ObjectStore;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * What every controller of one cluster shares.
 *
 * @param cluster  cluster name (log context)
 * @param store    the cluster's store
 * @param events   event recorder
 * @param settings timings
 * @param timers   timer thread (shared by clusters)
 * @param enqueue  queues follow-up work
 */
record SimContext(String cluster, ObjectStore store, EventRecorder events, SimulatorSettings settings,
                  ScheduledExecutorService timers, Consumer<WorkItem> enqueue) {

  Instant now() {
    return store.clock().instant();
  }
}
