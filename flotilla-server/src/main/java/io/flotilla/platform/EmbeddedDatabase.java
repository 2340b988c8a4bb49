package io.flotilla.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts a real PostgreSQL (zonky embedded binaries) under {@code flotilla.data-dir/postgres} when no
 * external database is configured with {@code spring.datasource.url}. The data survives restarts. The
 * database stops with the application context, last (the server's own shutdown writes still reach it).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabase.NoExternalDatabase.class)
public class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(FlotillaProperties properties) throws IOException {
        Path data = properties.dataDir().resolve("postgres").toAbsolutePath();
        Path binaries = properties.dataDir().resolve("pg-bin").toAbsolutePath();
        try {
            Files.createDirectories(data);
            Files.createDirectories(binaries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + data, e);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                // stopped by this bean's close, after everything that writes to it has stopped (Spring destroys
                // the data source's users first); zonky's own JVM shutdown hook would stop it at once, racing
                // the context's shutdown, and leave the sync engine's last writes waiting for a database gone
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setServerConfig("shared_buffers", properties.database().sharedBuffers().toMegabytes() + "MB");
        if (properties.database().port() > 0) {
            builder.setPort(properties.database().port());
        }
        EmbeddedPostgres pg;
        try {
            pg = builder.start();
        } catch (IOException | IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("could not lock")) {
                throw new IllegalStateException("the data directory " + properties.dataDir().toAbsolutePath()
                        + " is in use by another running Flotilla; stop it or choose another --data-dir", e);
            }
            throw e;
        }
        log.info("embedded PostgreSQL serving {} on 127.0.0.1:{}", data, pg.getPort());
        return pg;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setPoolName("flotilla-embedded");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    /** True when {@code spring.datasource.url} is absent or blank. */
    static final class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
