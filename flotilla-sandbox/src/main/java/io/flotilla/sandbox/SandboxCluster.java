package io.flotilla.sandbox;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.flotilla.sandbox.api.ApiDispatcher;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.http.SandboxHttpServer;
import io.flotilla.sandbox.seed.ClusterSeeder;
import io.flotilla.sandbox.sim.Simulator;
import io.flotilla.sandbox.sim.SimulatorSettings;
import io.flotilla.sandbox.store.ObjectStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Kubernetes cluster on 127.0.0.1 (plain HTTP, bearer token auth): an in-memory API server
 * with discovery, typed lists, watches, patches and subresources, plus simulator controllers that make
 * workloads behave (scheduling, pods starting, rollouts, jobs, endpoints, events, injected faults).
 *
 * <p>{@link #stop()} stops serving but keeps the state; {@link #restart()} serves it again on the same port
 * with the same token; {@link #close()} ends it for good.
 */
public final class SandboxCluster implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SandboxCluster.class);
  private static final Duration SEED_TIMEOUT = Duration.ofMinutes(5);
  private static final int HISTORY = 2048;
  private static final int EVENTS = 1000;

  private final SandboxSpec spec;
  private final SandboxRuntime runtime;
  private final boolean ownsRuntime;
  private final String token;
  private final ObjectStore store;
  private final Simulator simulator;
  private final SandboxHttpServer http;
  private final SandboxHttpServer https;
  private volatile int port;
  private volatile int securePort;
  private volatile boolean closed;
  private KubernetesClient client;

  private SandboxCluster(SandboxSpec spec, SandboxRuntime runtime, boolean ownsRuntime, SimulatorSettings settings) {
    this.spec = spec;
    this.runtime = runtime;
    this.ownsRuntime = ownsRuntime;
    this.token = newToken();
    this.store = new ObjectStore(Clock.systemUTC(), spec.seed(), HISTORY, EVENTS);
    this.simulator = new Simulator(spec.name(), store, settings, runtime.controllers(), runtime.timers());
    ApiDispatcher dispatcher = new ApiDispatcher(spec.name(), token, store, new ResourceCatalog(),
        () -> "127.0.0.1:" + port);
    this.http = new SandboxHttpServer(spec.name(), runtime.vertx(), dispatcher, runtime.requests(), null);
    this.https = new SandboxHttpServer(spec.name(), runtime.vertx(), dispatcher, runtime.requests(), runtime.tls());
  }

  /** Starts a cluster on any free port; blocks until it is seeded and serving. */
  public static SandboxCluster start(SandboxSpec spec) {
    return start(spec, 0);
  }

  /** Starts a cluster on a fixed port (0 = any free port); blocks until it is seeded and serving. */
  public static SandboxCluster start(SandboxSpec spec, int port) {
    SandboxRuntime runtime = new SandboxRuntime();
    try {
      return start(spec, port, runtime, true, SimulatorSettings.defaults());
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  /**
   * Starts a cluster on a shared runtime (many clusters in one process); closing the cluster leaves the
   * runtime running.
   */
  public static SandboxCluster start(SandboxSpec spec, int port, SandboxRuntime runtime,
                                     SimulatorSettings settings) {
    return start(spec, port, runtime, false, settings);
  }

  private static SandboxCluster start(SandboxSpec spec, int port, SandboxRuntime runtime, boolean owns,
                                      SimulatorSettings settings) {
    SandboxCluster cluster = new SandboxCluster(spec, runtime, owns, settings);
    try {
      new ClusterSeeder(cluster.store, spec.name()).seed(spec.nodes(), spec.pods(), spec.seed());
      cluster.simulator.start();
      if (!cluster.simulator.awaitIdle(SEED_TIMEOUT)) {
        log.warn("cluster={} simulator still busy after {}; serving anyway", spec.name(), SEED_TIMEOUT);
      }
      cluster.port = cluster.http.start(port);
      cluster.securePort = cluster.https.start(0);
      log.debug("cluster={} serving on {}", spec.name(), cluster.serverUrl());
      return cluster;
    } catch (RuntimeException e) {
      cluster.simulator.close();
      throw e;
    }
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return "sandbox-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public String name() {
    return spec.name();
  }

  public SandboxSpec spec() {
    return spec;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String serverUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public String token() {
    return token;
  }

  /**
   * Kubeconfig YAML whose cluster, user and context are named after the cluster (token auth) for the plain
   * HTTP endpoint {@link #serverUrl()}. fabric8 clients send the token over plain HTTP; kubectl does not
   * (client-go only sends credentials over TLS): use {@link #kubectlKubeconfig()} for kubectl.
   */
  public String kubeconfig() {
    return Kubeconfigs.render(spec.name(), serverUrl(), token);
  }

  /** {@code https://127.0.0.1:<port>}: the same API over TLS (certificate in {@link #kubectlKubeconfig()}). */
  public String secureServerUrl() {
    return "https://127.0.0.1:" + securePort;
  }

  /**
   * Kubeconfig YAML for the HTTPS endpoint with the sandbox CA embedded: what kubectl (and every other
   * client) needs, since client-go sends bearer tokens only over TLS.
   */
  public String kubectlKubeconfig() {
    return Kubeconfigs.render(spec.name(), secureServerUrl(), token, runtime.tls().caPem());
  }

  /** Stops serving (connections are refused, watches end) but keeps all state. */
  public synchronized void stop() {
    http.stop();
    https.stop();
  }

  /** Serves again on the same port with the same state and token. */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("cluster " + spec.name() + " is closed");
    }
    if (!http.listening()) {
      http.start(port);
    }
    if (!https.listening()) {
      https.start(securePort);
    }
  }

  public boolean serving() {
    return http.listening();
  }

  /**
   * Compacts the cluster's history (like etcd compaction): watches from an older resourceVersion, and
   * continue tokens of older lists, are answered 410 Gone from now on.
   */
  public void compact() {
    store.compact();
  }

  /**
   * The cluster's object store, for load drivers and tests that change objects without going through HTTP
   * (as the simulator's controllers do); watches see those changes like any other.
   */
  public ObjectStore store() {
    return store;
  }

  /** Number of pods in the cluster now. */
  public int podCount() {
    return store.count(ResourceCatalog.PODS);
  }

  /** Waits until the simulator has nothing left to do (for tests and the launcher). */
  public boolean awaitSettled(Duration timeout) {
    return simulator.awaitIdle(timeout);
  }

  /** A fabric8 client for this cluster (created on first use, closed with the cluster). */
  public synchronized KubernetesClient client() {
    if (client == null) {
      Config config = new ConfigBuilder(Config.empty()).withMasterUrl(serverUrl()).withOauthToken(token)
          .withNamespace("default").withRequestTimeout(30_000).withConnectionTimeout(10_000).build();
      client = new KubernetesClientBuilder().withConfig(config).build();
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (client != null) {
      client.close();
    }
    simulator.close();
    http.stop();
    https.stop();
    if (ownsRuntime) {
      runtime.close();
    }
  }
}
