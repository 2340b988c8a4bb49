package io.flotilla.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Stops a server child process: SIGTERM, then SIGKILL if it has not ended within a minute (no leftovers),
 * and removes its embedded PostgreSQL (hundreds of MB per run) from its data directory, keeping the
 * small files such as {@code server.log}.
 */
final class ServerStop {

    private ServerStop() {}

    static void stop(Process server, Path dataDir) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            System.out.println("warning: the server did not stop within 60 s of SIGTERM; killing it");
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        if (!server.isAlive()) {
            deleteTree(dataDir.resolve("postgres"));
            deleteTree(dataDir.resolve("pg-bin"));
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
