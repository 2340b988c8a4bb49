package io.flotilla.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CredentialVaultTest {

    private final CredentialVault vault = new CredentialVault(new byte[32]);
    private final ClusterCredentials credentials =
            new ClusterCredentials("https://k8s:6443", "Q0E=", false, "secret-token-value", null, null, "default");

    @Test
    void roundTripsCredentials() {
        UUID id = UUID.randomUUID();
        assertThat(vault.decrypt(id, vault.encrypt(id, credentials))).isEqualTo(credentials);
    }

    @Test
    void ciphertextDoesNotContainTheToken() {
        byte[] sealed = vault.encrypt(UUID.randomUUID(), credentials);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("secret-token-value");
    }

    @Test
    void encryptingTwiceGivesDifferentCiphertexts() {
        UUID id = UUID.randomUUID();
        assertThat(vault.encrypt(id, credentials)).isNotEqualTo(vault.encrypt(id, credentials));
    }

    @Test
    void ciphertextMovedToAnotherClusterDoesNotDecrypt() {
        byte[] sealed = vault.encrypt(UUID.randomUUID(), credentials);
        assertThatThrownBy(() -> vault.decrypt(UUID.randomUUID(), sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        UUID id = UUID.randomUUID();
        byte[] other = new byte[32];
        other[0] = 1;
        byte[] sealed = vault.encrypt(id, credentials);
        assertThatThrownBy(() -> new CredentialVault(other).decrypt(id, sealed))
                .hasMessageContaining("encryption key differs");
    }

    @Test
    void toStringNeverShowsSecrets() {
        assertThat(credentials.toString()).doesNotContain("secret-token-value").contains("type=token");
    }
}
