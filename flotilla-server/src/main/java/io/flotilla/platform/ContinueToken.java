package io.flotilla.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset-paging tokens for {@code continue}: the sort key of the last item returned,
 * base64url-encoded with a version prefix so the format can change later.
 */
public final class ContinueToken {

    private static final String PREFIX = "v1:";

    private ContinueToken() {}

    public static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a token produced by {@link #encode}; a token that is not ours answers 400. */
    public static String decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException("wrong prefix");
            }
            return raw.substring(PREFIX.length());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("continue",
                    "is not a continue token issued by this server; start again without it");
        }
    }

    /** Checks and clamps a page size: absent → default, non-positive or above max → 400. */
    public static int limit(Integer requested, int defaultLimit, int max) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > max) {
            throw ApiException.badRequest("limit", "must be between 1 and " + max);
        }
        return requested;
    }
}
