package io.flotilla.search;

import io.flotilla.platform.ApiException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;

/**
 * Tamper-proof keyset continue tokens: the sort key of the last item returned, the hash of the query
 * it belongs to and when it was issued, signed with HMAC-SHA256 under a server key. A token from
 * another query, another key or changed in any byte answers 400; an old one 410 (as Kubernetes does
 * for expired continue tokens). Pure: the key and the clock's reading are passed in.
 */
public final class SearchToken {

    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;
    private static final int SHAPE_BYTES = 16;

    private final byte[] key;
    private final Duration ttl;

    public SearchToken(byte[] key, Duration ttl) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the continue-token key needs at least 16 bytes");
        }
        this.key = key.clone();
        this.ttl = ttl;
    }

    /** A token for the page after the row whose sort key is {@code values}. */
    public String encode(String shape, List<String> values, Instant now) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(now.getEpochSecond());
            out.write(shapeHash(shape));
            out.writeShort(values.size());
            for (String v : values) {
                out.writeBoolean(v != null);
                if (v != null) {
                    out.writeUTF(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] payload = bytes.toByteArray();
        byte[] token = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac(payload), 0, token, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The sort key in {@code token}, checked against the query's shape and the expected number of values. */
    public List<String> decode(String token, String shape, int expectedValues, Instant now) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token.strip());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (raw.length <= MAC_BYTES + 1 + 8 + SHAPE_BYTES) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOf(raw, raw.length - MAC_BYTES);
        byte[] given = Arrays.copyOfRange(raw, raw.length - MAC_BYTES, raw.length);
        if (!MessageDigest.isEqual(given, Arrays.copyOf(mac(payload), MAC_BYTES))) {
            throw invalid();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readByte() != VERSION) {
                throw invalid();
            }
            Instant issued = Instant.ofEpochSecond(in.readLong());
            byte[] hash = in.readNBytes(SHAPE_BYTES);
            if (!MessageDigest.isEqual(hash, shapeHash(shape))) {
                throw ApiException.badRequest("continue", "the token belongs to a different query (other "
                        + "resource, filters or order); repeat the query of the previous page, or start again "
                        + "without continue");
            }
            if (issued.plus(ttl).isBefore(now)) {
                throw new ApiException(HttpStatus.GONE, "Expired", "continue: the token expired (older than "
                        + ttl.toMinutes() + " minutes); start the list again without continue");
            }
            int n = in.readUnsignedShort();
            if (n != expectedValues) {
                throw invalid();
            }
            List<String> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(in.readBoolean() ? in.readUTF() : null);
            }
            return values;
        } catch (IOException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest("continue", "is not a continue token issued by this server (altered, "
                + "truncated or signed with another key); start again without continue");
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] shapeHash(String shape) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(shape.getBytes(StandardCharsets.UTF_8)),
                    SHAPE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
