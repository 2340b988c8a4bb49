package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContinueTokenTest {

    @Test
    void roundTripsTheLastKey() {
        assertThat(ContinueToken.decode(ContinueToken.encode("cluster-42"))).isEqualTo("cluster-42");
    }

    @Test
    void refusesTokensItDidNotIssue() {
        assertThatThrownBy(() -> ContinueToken.decode("not base64 !")).isInstanceOf(ApiException.class)
                .hasMessageContaining("continue");
        assertThatThrownBy(() -> ContinueToken.decode("aGVsbG8")).isInstanceOf(ApiException.class);
    }

    @Test
    void limitDefaultsAndRefusesOutOfRange() {
        assertThat(ContinueToken.limit(null, 50, 500)).isEqualTo(50);
        assertThat(ContinueToken.limit(500, 50, 500)).isEqualTo(500);
        assertThatThrownBy(() -> ContinueToken.limit(0, 50, 500)).hasMessageContaining("between 1 and 500");
        assertThatThrownBy(() -> ContinueToken.limit(501, 50, 500)).isInstanceOf(ApiException.class);
    }
}
