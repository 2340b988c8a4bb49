package io.flotilla.sandbox;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Threads shared by sandbox clusters: one Vert.x instance (2 event loops) for all HTTP servers, virtual
 * threads for requests, a small pool for simulator reconciliation and one timer thread. A process running
 * 100 clusters uses one runtime; a cluster started without one owns a private runtime.
 */
public final class SandboxRuntime implements AutoCloseable {

  private final Vertx vertx;
  private final ExecutorService requests;
  private final ExecutorService controllers;
  private final ScheduledExecutorService timers;
  private final io.flotilla.sandbox.http.TlsMaterial tls = io.flotilla.sandbox.http.TlsMaterial.load();

  public SandboxRuntime() {
    this(Math.max(2, Runtime.getRuntime().availableProcessors()));
  }

  /** @param controllerThreads threads reconciling simulator work across all clusters */
  public SandboxRuntime(int controllerThreads) {
    this.vertx = Vertx.vertx(new VertxOptions()
        .setEventLoopPoolSize(2)
        .setWorkerPoolSize(2)
        .setInternalBlockingPoolSize(2)
        .setBlockedThreadCheckInterval(TimeUnit.SECONDS.toMillis(30))
        .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
            .setClassPathResolvingEnabled(false)));
    this.requests = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sandbox-request-", 0).factory());
    this.controllers = Executors.newFixedThreadPool(controllerThreads,
        Thread.ofPlatform().daemon().name("sandbox-controller-", 0).factory());
    this.timers = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("sandbox-timer").factory());
  }

  public Vertx vertx() {
    return vertx;
  }

  public ExecutorService requests() {
    return requests;
  }

  public ExecutorService controllers() {
    return controllers;
  }

  /** Certificate of the HTTPS listeners. */
  public io.flotilla.sandbox.http.TlsMaterial tls() {
    return tls;
  }

  public ScheduledExecutorService timers() {
    return timers;
  }

  @Override
  public void close() {
    timers.shutdownNow();
    controllers.shutdownNow();
    requests.shutdownNow();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // best effort on shutdown
    }
  }
}
