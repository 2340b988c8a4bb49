package io.flotilla.iam;

import io.flotilla.platform.FlotillaProperties;
import io.flotilla.platform.SecretFiles;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the platform admin {@code admin} on first start, with the password from
 * {@code FLOTILLA_ADMIN_PASSWORD}, or a generated one written to {@code dataDir/admin-password} (0600).
 * It is a normal local user holding the platform Admin role through a role binding.
 */
@Component
public class AdminBootstrap {

    public static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Path passwordFile;
    private final boolean generated;

    AdminBootstrap(UserStore users, RoleBindingStore bindings, PasswordEncoder encoder, FlotillaProperties properties,
            Environment env) {
        this.passwordFile = properties.dataDir().resolve("admin-password").toAbsolutePath();
        if (users.find(ADMIN).isPresent()) {
            this.generated = false;
            return;
        }
        String given = env.getProperty("FLOTILLA_ADMIN_PASSWORD");
        String password;
        if (given != null && !given.isBlank()) {
            password = given;
            this.generated = false;
        } else {
            password = generate();
            SecretFiles.writeNew(passwordFile, password);
            this.generated = true;
            log.info("created the platform admin '{}' with a generated password, written to {}", ADMIN, passwordFile);
        }
        try {
            UUID id = users.insert(ADMIN, "Platform administrator", "", encoder.encode(password), true, "local");
            bindings.insert(UUID.randomUUID(), id, null, Role.ADMIN, Scope.PLATFORM);
        } catch (DuplicateKeyException e) {
            log.info("the platform admin was created by another replica starting at the same time");
        }
    }

    /** Where the generated admin password lives (it may not exist if the password came from the environment). */
    public Path passwordFile() {
        return passwordFile;
    }

    /** True when this start generated the admin password. */
    public boolean generatedThisStart() {
        return generated;
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
