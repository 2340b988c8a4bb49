package io.flotilla.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Times the evaluation of every inspection check over a synthetic snapshot (default 10,000 pods with
 * their Deployments, ReplicaSets, Services, Endpoints, ConfigMaps and Secrets). Pure CPU: no cluster,
 * no database. The server's classes are loaded from its jar (flotilla-server/target/flotilla-server.jar).
 */
public final class InspectionBench {

    private InspectionBench() {}

    public static void main(String[] args) throws Exception {
        int pods = 10_000;
        int warmup = 3;
        int iterations = 10;
        Path jar = Path.of("flotilla-server/target/flotilla-server.jar");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h", "--help" -> {
                    System.out.println("""
                            Usage: bench/run InspectionBench [--pods N] [--warmup N] [--iterations N] [--jar PATH]

                            Builds a synthetic cluster snapshot of N pods (default 10000; 50 pods per namespace in
                            Deployments of 5 replicas, one node per 100 pods) and times the evaluation of every
                            inspection check over it: warm-up rounds (default 3), then measured rounds (default 10).
                            Prints objects, findings, and the median, min and max evaluation time in milliseconds.
                            --jar is the server jar to load the checks from (default
                            flotilla-server/target/flotilla-server.jar).""");
                    return;
                }
                case "--pods" -> pods = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + " (see --help)");
                    System.exit(2);
                }
            }
        }
        if (!Files.isRegularFile(jar)) {
            System.err.println(jar + " does not exist: build the server first (./mvnw -DskipTests package)");
            System.exit(2);
        }
        try (URLClassLoader loader = serverClasses(jar)) {
            Class<?> synthetic = loader.loadClass("io.flotilla.inspection.checks.SyntheticCluster");
            Class<?> catalogueClass = loader.loadClass("io.flotilla.inspection.checks.Catalogue");
            Class<?> snapshotClass = loader.loadClass("io.flotilla.inspection.checks.Snapshot");
            Class<?> selectionClass = loader.loadClass("io.flotilla.inspection.checks.Selection");
            Class<?> evaluatorClass = loader.loadClass("io.flotilla.inspection.checks.Evaluator");
            long built = System.nanoTime();
            Object snapshot = synthetic.getMethod("of", int.class, Instant.class).invoke(null, pods, Instant.now());
            long buildMs = (System.nanoTime() - built) / 1_000_000;
            Object catalogue = catalogueClass.getMethod("builtIn").invoke(null);
            Object evaluator = evaluatorClass.getConstructor(catalogueClass).newInstance(catalogue);
            Object selection = selectionClass.getMethod("everything").invoke(null);
            Method evaluate = evaluatorClass.getMethod("evaluate", snapshotClass, selectionClass);
            int objects = (int) snapshotClass.getMethod("size").invoke(snapshot);
            int checks = (int) catalogueClass.getMethod("size").invoke(catalogue);
            int findings = 0;
            for (int i = 0; i < warmup; i++) {
                evaluate.invoke(evaluator, snapshot, selection);
            }
            long[] times = new long[iterations];
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                Object result = evaluate.invoke(evaluator, snapshot, selection);
                times[i] = System.nanoTime() - t0;
                findings = ((List<?>) result.getClass().getMethod("findings").invoke(result)).size();
            }
            Arrays.sort(times);
            System.out.printf("InspectionBench: %d pods, %d objects, %d checks, %d findings (snapshot built in %d ms)%n",
                    pods, objects, checks, findings, buildMs);
            System.out.printf("evaluation over %d rounds after %d warm-up: median %.1f ms, min %.1f ms, max %.1f ms%n",
                    iterations, warmup, times[iterations / 2] / 1e6, times[0] / 1e6, times[iterations - 1] / 1e6);
        }
    }

    /** The server jar's classes and libraries, unpacked once per jar version under bench/target. */
    private static URLClassLoader serverClasses(Path jar) throws IOException {
        Path dir = Path.of("bench/target/server-classes-" + Files.getLastModifiedTime(jar).toMillis());
        List<URL> urls = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.isDirectory() || !e.getName().startsWith("BOOT-INF/")) {
                    continue;
                }
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    continue;
                }
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(e)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                if (e.getName().startsWith("BOOT-INF/lib/") && e.getName().endsWith(".jar")) {
                    urls.add(target.toUri().toURL());
                }
            }
        }
        urls.addFirst(dir.resolve("BOOT-INF/classes/").toUri().toURL());
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
