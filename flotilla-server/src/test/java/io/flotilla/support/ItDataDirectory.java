package io.flotilla.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Data directories for servers started by integration tests. They live under the module's
 * {@code target/it-data}, so {@code mvn clean} removes them and repeated runs do not fill {@code /tmp}
 * with embedded PostgreSQL clusters.
 */
public final class ItDataDirectory {

    private ItDataDirectory() {
    }

    /** A fresh, empty directory named {@code prefix<random>}. */
    public static String create(String prefix) {
        try {
            Path parent = Files.createDirectories(Path.of("target", "it-data").toAbsolutePath());
            return Files.createTempDirectory(parent, prefix).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for the test server", e);
        }
    }
}
