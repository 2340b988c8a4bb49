package io.flotilla.cluster;

import io.flotilla.platform.FlotillaProperties;
import io.flotilla.platform.SecretFiles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encrypts cluster credentials at rest with AES-256-GCM. The key comes from
 * {@code flotilla.encryption-key} or is generated on first start into {@code dataDir/secret.key}
 * (mode 0600). The cluster id is bound as associated data, so a ciphertext copied to another row
 * does not decrypt.
 */
@Component
public class CredentialVault {

    private static final Logger log = LoggerFactory.getLogger(CredentialVault.class);
    private static final byte FORMAT_V1 = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    public CredentialVault(FlotillaProperties properties) {
        this(loadOrCreateKey(properties));
    }

    CredentialVault(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the encryption key must be 32 bytes (AES-256), base64-encoded");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public byte[] encrypt(UUID clusterId, ClusterCredentials credentials) {
        byte[] plain = json.writeValueAsBytes(credentials);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(clusterId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT_V1).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt credentials", e);
        }
    }

    public ClusterCredentials decrypt(UUID clusterId, byte[] stored) {
        if (stored.length < 1 + NONCE_BYTES || stored[0] != FORMAT_V1) {
            throw new IllegalStateException("stored credentials of cluster " + clusterId + " are in an unknown format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(clusterId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            return json.readValue(plain, ClusterCredentials.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the credentials of cluster " + clusterId
                    + ": the encryption key differs from the one they were stored with", e);
        }
    }

    private static byte[] loadOrCreateKey(FlotillaProperties properties) {
        if (!properties.encryptionKey().isBlank()) {
            return Base64.getDecoder().decode(properties.encryptionKey().strip());
        }
        Path file = properties.dataDir().resolve("secret.key");
        if (SecretFiles.exists(file)) {
            return Base64.getDecoder().decode(SecretFiles.read(file));
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        SecretFiles.writeNew(file, Base64.getEncoder().encodeToString(fresh));
        log.info("generated a new credential encryption key in {}", file.toAbsolutePath());
        return fresh;
    }
}
