package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.api.ResourceType;
import io.flotilla.sandbox.sim.model.PodStatuses;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.ObjectStore;
import io.flotilla.sandbox.store.StoreEvent;
import io.flotilla.sandbox.store.StoredObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated control plane and kubelets of one cluster. Store events (from API writes and from the
 * controllers themselves) become de-duplicated work items, reconciled one at a time per cluster on a shared
 * executor; timers add heartbeats, crash-loop restarts and CronJob ticks. See DESIGN.md.
 */
public final class Simulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Simulator.class);
  private static final int BATCH = 256;

  private final String cluster;
  private final ObjectStore store;
  private final Executor executor;
  private final SimulatorSettings settings;
  private final ScheduledExecutorService timers;
  private final Object monitor = new Object();
  private final LinkedHashSet<WorkItem> queue = new LinkedHashSet<>();
  private final List<ScheduledFuture<?>> periodic = new ArrayList<>();
  private final SchedulerController scheduler;
  private final PodController pods;
  private final ReplicaSetController replicaSets;
  private final DeploymentController deployments;
  private final StatefulSetController statefulSets;
  private final DaemonSetController daemonSets;
  private final JobController jobs;
  private final CronJobController cronJobs;
  private final EndpointsController endpoints;
  private final DisruptionController disruptions;
  private final NodeController nodes;
  private final NamespaceController namespaces;
  private boolean draining;
  private volatile boolean closed;

  public Simulator(String cluster, ObjectStore store, SimulatorSettings settings, Executor executor,
                   ScheduledExecutorService timers) {
    this.cluster = cluster;
    this.store = store;
    this.settings = settings;
    this.executor = executor;
    this.timers = timers;
    SimContext ctx = new SimContext(cluster, store, new EventRecorder(store), settings, timers, this::enqueue);
    this.scheduler = new SchedulerController(ctx);
    this.pods = new PodController(ctx);
    this.replicaSets = new ReplicaSetController(ctx);
    this.deployments = new DeploymentController(ctx);
    this.statefulSets = new StatefulSetController(ctx);
    this.daemonSets = new DaemonSetController(ctx);
    this.jobs = new JobController(ctx);
    this.cronJobs = new CronJobController(ctx);
    this.endpoints = new EndpointsController(ctx);
    this.disruptions = new DisruptionController(ctx);
    this.nodes = new NodeController(ctx);
    this.namespaces = new NamespaceController(ctx);
    store.addListener(this::onEvent);
  }

  /** Starts the periodic work (heartbeats, crash loops, CronJobs) and reconciles what the store holds. */
  public void start() {
    periodic.add(every(settings.heartbeatInterval(), WorkItem.of(WorkItem.Kind.NODE, null, null)));
    periodic.add(every(settings.crashLoopInterval(), WorkItem.of(WorkItem.Kind.POD, null, null)));
    periodic.add(every(settings.cronInterval(), WorkItem.of(WorkItem.Kind.CRONJOB, null, null)));
  }

  private ScheduledFuture<?> every(Duration interval, WorkItem item) {
    long millis = interval.toMillis();
    return timers.scheduleAtFixedRate(() -> enqueue(item), millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Waits until no work is queued or running; returns false on timeout. */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (monitor) {
      while (!queue.isEmpty() || draining) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        try {
          monitor.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  @Override
  public void close() {
    closed = true;
    periodic.forEach(f -> f.cancel(false));
    synchronized (monitor) {
      queue.clear();
      monitor.notifyAll();
    }
  }

  void enqueue(WorkItem item) {
    if (closed) {
      return;
    }
    synchronized (monitor) {
      if (queue.add(item) && !draining) {
        draining = true;
        executor.execute(this::drain);
      }
    }
  }

  private void drain() {
    for (int i = 0; i < BATCH; i++) {
      WorkItem item;
      synchronized (monitor) {
        Iterator<WorkItem> it = queue.iterator();
        if (closed || !it.hasNext()) {
          draining = false;
          monitor.notifyAll();
          return;
        }
        item = it.next();
        it.remove();
      }
      try {
        process(item);
      } catch (RuntimeException e) {
        log.warn("cluster={} reconcile {} {}/{} failed: {}", cluster, item.kind(), item.namespace(), item.name(),
            e.toString(), e);
      }
    }
    try {
      executor.execute(this::drain);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      synchronized (monitor) {
        draining = false;
        monitor.notifyAll();
      }
    }
  }

  private void process(WorkItem item) {
    switch (item.kind()) {
      case SCHEDULE -> scheduler.reconcile();
      case POD -> {
        if (item.name() == null) {
          pods.crashTick();
        } else {
          pods.reconcile(item.namespace(), item.name());
        }
      }
      case REPLICASET -> replicaSets.reconcile(item.namespace(), item.name());
      case DEPLOYMENT -> deployments.reconcile(item.namespace(), item.name());
      case STATEFULSET -> statefulSets.reconcile(item.namespace(), item.name());
      case DAEMONSET -> daemonSets.reconcile(item.namespace(), item.name());
      case ALL_DAEMONSETS -> daemonSets.reconcileAll();
      case JOB -> jobs.reconcile(item.namespace(), item.name());
      case CRONJOB -> {
        if (item.name() == null) {
          cronJobs.reconcileAll();
        } else {
          cronJobs.reconcile(item.namespace(), item.name());
        }
      }
      case ENDPOINTS -> endpoints.reconcile(item.namespace());
      case DISRUPTION -> disruptions.reconcile(item.namespace());
      case NODE -> {
        if (item.name() == null) {
          nodes.heartbeat();
        } else {
          nodes.reconcile(item.name());
        }
      }
      case NAMESPACE -> namespaces.reconcile(item.name());
    }
  }

  /** Maps a store change to work. Runs under the store lock: only cheap checks here. */
  private void onEvent(StoreEvent event) {
    StoredObject object = event.object();
    ResourceType type = object.type();
    boolean deleted = event.type() == StoreEvent.Type.DELETED;
    JsonNode before = event.type() == StoreEvent.Type.MODIFIED ? event.previous().object() : null;
    String ns = object.namespace();
    if (type.equals(ResourceCatalog.PODS)) {
      if (scheduler.track(object, before, deleted)) {
        enqueue(WorkItem.of(WorkItem.Kind.SCHEDULE, null, null));
      }
      if (!deleted && PodController.needsWork(object.object())) {
        enqueue(WorkItem.of(WorkItem.Kind.POD, ns, object.name()));
      }
      JsonNode owner = Owners.controllerOf(object.object());
      if (owner != null && podChangeMattersToOwner(event)) {
        WorkItem.Kind kind = switch (owner.path("kind").asText()) {
          case "ReplicaSet" -> WorkItem.Kind.REPLICASET;
          case "StatefulSet" -> WorkItem.Kind.STATEFULSET;
          case "DaemonSet" -> WorkItem.Kind.DAEMONSET;
          case "Job" -> WorkItem.Kind.JOB;
          default -> null;
        };
        if (kind != null) {
          enqueue(WorkItem.of(kind, ns, owner.path("name").asText()));
        }
      }
      if (podChangeMattersToEndpoints(event)) {
        enqueue(WorkItem.of(WorkItem.Kind.ENDPOINTS, ns, null));
      }
      if (podChangeMattersToOwner(event) && !store.list(ResourceCatalog.PDBS, ns).isEmpty()) {
        enqueue(WorkItem.of(WorkItem.Kind.DISRUPTION, ns, null));
      }
    } else if (type.equals(ResourceCatalog.REPLICA_SETS)) {
      if (!deleted && specChanged(before, object.object())) {
        enqueue(WorkItem.of(WorkItem.Kind.REPLICASET, ns, object.name()));
      }
      enqueueOwner(object, "Deployment", WorkItem.Kind.DEPLOYMENT);
    } else if (type.equals(ResourceCatalog.DEPLOYMENTS)) {
      if (!deleted && specChanged(before, object.object())) {
        enqueue(WorkItem.of(WorkItem.Kind.DEPLOYMENT, ns, object.name()));
      }
    } else if (type.equals(ResourceCatalog.STATEFUL_SETS)) {
      if (!deleted && specChanged(before, object.object())) {
        enqueue(WorkItem.of(WorkItem.Kind.STATEFULSET, ns, object.name()));
      }
    } else if (type.equals(ResourceCatalog.DAEMON_SETS)) {
      if (!deleted && specChanged(before, object.object())) {
        enqueue(WorkItem.of(WorkItem.Kind.DAEMONSET, ns, object.name()));
      }
    } else if (type.equals(ResourceCatalog.JOBS)) {
      if (!deleted && specChanged(before, object.object())) {
        enqueue(WorkItem.of(WorkItem.Kind.JOB, ns, object.name()));
      }
      enqueueOwner(object, "CronJob", WorkItem.Kind.CRONJOB);
    } else if (type.equals(ResourceCatalog.CRON_JOBS)) {
      if (!deleted && specChanged(before, object.object())) {
        enqueue(WorkItem.of(WorkItem.Kind.CRONJOB, ns, object.name()));
      }
    } else if (type.equals(ResourceCatalog.PDBS)) {
      if (!deleted && specChanged(before, object.object())) {
        enqueue(WorkItem.of(WorkItem.Kind.DISRUPTION, ns, null));
      }
    } else if (type.equals(ResourceCatalog.SERVICES)) {
      enqueue(WorkItem.of(WorkItem.Kind.ENDPOINTS, ns, null));
    } else if (type.equals(ResourceCatalog.NODES)) {
      if (!deleted && NodeController.schedulingRelevant(before, object.object())) {
        enqueue(WorkItem.of(WorkItem.Kind.NODE, null, object.name()));
        enqueue(WorkItem.of(WorkItem.Kind.ALL_DAEMONSETS, null, null));
        enqueue(WorkItem.of(WorkItem.Kind.SCHEDULE, null, null));
      } else if (deleted) {
        enqueue(WorkItem.of(WorkItem.Kind.ALL_DAEMONSETS, null, null));
      }
    } else if (type.equals(ResourceCatalog.NAMESPACES) && event.type() == StoreEvent.Type.ADDED) {
      enqueue(WorkItem.of(WorkItem.Kind.NAMESPACE, null, object.name()));
    }
  }

  private void enqueueOwner(StoredObject object, String kind, WorkItem.Kind work) {
    JsonNode owner = Owners.controllerOf(object.object());
    if (owner != null && kind.equals(owner.path("kind").asText())) {
      enqueue(WorkItem.of(work, object.namespace(), owner.path("name").asText()));
    }
  }

  private static boolean specChanged(JsonNode before, JsonNode after) {
    return before == null || !before.path("spec").equals(after.path("spec"))
        || !Json.metadata(before).path("annotations").equals(Json.metadata(after).path("annotations"));
  }

  private static boolean podChangeMattersToOwner(StoreEvent event) {
    if (event.type() != StoreEvent.Type.MODIFIED) {
      return true;
    }
    JsonNode before = event.previous().object();
    JsonNode after = event.object().object();
    return PodStatuses.isReady(before) != PodStatuses.isReady(after)
        || !PodStatuses.phase(before).equals(PodStatuses.phase(after))
        || before.at("/metadata/deletionTimestamp").isTextual() != after.at("/metadata/deletionTimestamp").isTextual()
        || !Objects.equals(Json.labels(before), Json.labels(after));
  }

  private static boolean podChangeMattersToEndpoints(StoreEvent event) {
    JsonNode after = event.object().object();
    if (event.type() != StoreEvent.Type.MODIFIED) {
      return after.at("/status/podIP").isTextual();
    }
    JsonNode before = event.previous().object();
    return PodStatuses.isReady(before) != PodStatuses.isReady(after)
        || !before.at("/status/podIP").equals(after.at("/status/podIP"))
        || !PodStatuses.phase(before).equals(PodStatuses.phase(after))
        || !Objects.equals(Json.labels(before), Json.labels(after));
  }
}
