package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.platform.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTokenTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final SearchToken tokens = new SearchToken("0123456789abcdef-key".getBytes(StandardCharsets.UTF_8),
            Duration.ofHours(1));

    @Test
    void roundTripsTheSortKeyIncludingNulls() {
        List<String> key = Arrays.asList("east", null, "web-1");
        String token = tokens.encode("shape", key, NOW);
        assertThat(tokens.decode(token, "shape", 3, NOW.plusSeconds(60))).isEqualTo(key);
    }

    @Test
    void rejectsContinueTokenFromAnotherQuery() {
        String token = tokens.encode("shape-a", List.of("x"), NOW);
        assertThatThrownBy(() -> tokens.decode(token, "shape-b", 1, NOW))
                .isInstanceOf(ApiException.class).hasMessageContaining("different query");
    }

    @Test
    void rejectsAnyChangedByteAndTokensSignedWithAnotherKey() {
        String token = tokens.encode("shape", List.of("east", "web-1"), NOW);
        for (int i = 0; i < token.length(); i++) {
            char[] chars = token.toCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            String forged = new String(chars);
            boolean sameBytes = Arrays.equals(java.util.Base64.getUrlDecoder().decode(forged),
                    java.util.Base64.getUrlDecoder().decode(token));
            if (!sameBytes) {
                assertThatThrownBy(() -> tokens.decode(forged, "shape", 2, NOW)).as("byte " + i)
                        .isInstanceOf(ApiException.class)
                        .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(400));
            }
        }
        SearchToken other = new SearchToken("another-key-of-16+".getBytes(StandardCharsets.UTF_8), Duration.ofHours(1));
        assertThatThrownBy(() -> other.decode(token, "shape", 2, NOW)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> tokens.decode("not a token!", "shape", 2, NOW)).isInstanceOf(ApiException.class);
    }

    @Test
    void answersGoneForExpiredTokens() {
        String token = tokens.encode("shape", List.of("x"), NOW);
        assertThatThrownBy(() -> tokens.decode(token, "shape", 1, NOW.plus(Duration.ofHours(2))))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(410));
    }
}
