package io.flotilla.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Platform-wide settings, each declared once with its default.
 *
 * @param dataDir directory holding the embedded database, the encryption key and the generated
 *     admin password; created on first start with owner-only permissions; default {@code ~/.flotilla}
 * @param encryptionKey base64 AES-256 key for credentials at rest; when empty a key is generated
 *     into {@code dataDir/secret.key}
 * @param maxRequestBody largest request body accepted by the API (413 beyond it)
 * @param database embedded database settings (used when no {@code spring.datasource.url} is set)
 * @param tls the HTTPS listener (needed by kubectl for the Kubernetes-compatible APIs)
 */
@ConfigurationProperties("flotilla")
public record FlotillaProperties(
        Path dataDir,
        @DefaultValue("") String encryptionKey,
        @DefaultValue("4MB") DataSize maxRequestBody,
        @DefaultValue Database database,
        @DefaultValue Tls tls) {

    public FlotillaProperties {
        if (dataDir == null) {
            dataDir = Path.of(System.getProperty("user.home"), ".flotilla");
        }
    }

    /**
     * @param port port of the embedded PostgreSQL on 127.0.0.1 (0 picks a free port)
     * @param sharedBuffers the embedded PostgreSQL's {@code shared_buffers}: its page cache for the tables
     *     and indexes (the search index of 1 M objects is about 3 GB); reserved, used as pages are read
     */
    public record Database(@DefaultValue("0") int port, @DefaultValue("512MB") DataSize sharedBuffers) {}

    /**
     * @param port HTTPS port next to the HTTP one; 0 picks a free port, -1 (the default) turns HTTPS
     *     off ({@code flotilla up} turns it on at 8443)
     * @param keystore PKCS#12 keystore with the server's key and certificate; when empty a
     *     self-signed certificate is generated once into {@code dataDir/tls/}
     * @param keystorePassword password of that keystore
     */
    public record Tls(@DefaultValue("-1") int port, @DefaultValue("") String keystore,
            @DefaultValue("") String keystorePassword) {

        public boolean enabled() {
            return port >= 0;
        }
    }
}
