package io.flotilla.sandbox;

import io.flotilla.sandbox.sim.SimulatorSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts many sandbox clusters in one process and serves them until interrupted. */
public final class SandboxLauncher {

  static {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "sandbox-logback.xml");
    }
  }

  private static final Logger log = LoggerFactory.getLogger(SandboxLauncher.class);

  private SandboxLauncher() {
  }

  public static void main(String[] args) {
    LauncherOptions options;
    try {
      options = LauncherOptions.parse(Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      System.err.println("sandbox-launcher: " + e.getMessage());
      System.err.println("Try --help for usage.");
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(LauncherOptions.USAGE);
      return;
    }
    List<SandboxCluster> clusters = Collections.synchronizedList(new ArrayList<>());
    SandboxRuntime runtime = new SandboxRuntime();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      List<SandboxCluster> snapshot;
      synchronized (clusters) {
        snapshot = List.copyOf(clusters);
      }
      snapshot.forEach(SandboxCluster::close);
      runtime.close();
      stopped.countDown();
    }, "sandbox-shutdown"));
    try {
      run(options, runtime, clusters, System.out);
    } catch (RuntimeException e) {
      System.err.println("sandbox-launcher: " + e.getMessage());
      log.debug("launch failed", e);
      System.exit(1);
      return;
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts all clusters (two at a time per core), writes kubeconfigs, prints progress and READY. */
  static void run(LauncherOptions options, SandboxRuntime runtime, List<SandboxCluster> clusters, PrintStream out) {
    try {
      Files.createDirectories(options.kubeconfigDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + options.kubeconfigDir(), e);
    }
    long startNanos = System.nanoTime();
    SimulatorSettings settings = SimulatorSettings.defaults();
    int parallel = Math.max(2, Runtime.getRuntime().availableProcessors());
    AtomicInteger started = new AtomicInteger();
    AtomicLong pods = new AtomicLong();
    int step = Math.max(1, options.clusters() / 20);
    try (ExecutorService starters = Executors.newFixedThreadPool(parallel)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 1; i <= options.clusters(); i++) {
        int index = i;
        futures.add(starters.submit(() -> {
          String name = options.namePrefix() + "-" + index;
          int port = options.basePort() == 0 ? 0 : options.basePort() + index - 1;
          SandboxCluster cluster = SandboxCluster.start(new SandboxSpec(name, options.nodes(), options.pods(),
              index), port, runtime, settings);
          clusters.add(cluster);
          writeKubeconfig(options.kubeconfigDir(), cluster);
          int n = started.incrementAndGet();
          long total = pods.addAndGet(cluster.podCount());
          if (n % step == 0 || n == options.clusters()) {
            synchronized (out) {
              out.printf("started %d/%d clusters (%d pods) in %.1fs%n", n, options.clusters(), total,
                  (System.nanoTime() - startNanos) / 1e9);
              out.flush();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("a cluster failed to start: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
    }
    synchronized (out) {
      out.println("READY " + options.clusters() + " clusters");
      out.flush();
    }
  }

  private static void writeKubeconfig(Path dir, SandboxCluster cluster) {
    try {
      Files.writeString(dir.resolve(cluster.name() + ".kubeconfig"), cluster.kubectlKubeconfig());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
