package io.flotilla.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain: each entry's hash covers its content and the previous entry's hash, so changing,
 * removing or reordering an entry breaks every hash after it. Pure functions.
 */
final class AuditChain {

    static final String GENESIS = "genesis";

    private AuditChain() {}

    /** SHA-256 (hex) over the previous hash and every field, each length-prefixed so fields cannot shift. */
    static String hash(String prevHash, AuditEntry e) {
        StringBuilder b = new StringBuilder();
        append(b, prevHash);
        append(b, e.id().toString());
        append(b, e.time().toString());
        append(b, e.actor());
        append(b, e.accessKeyId());
        append(b, e.sourceIp());
        append(b, e.userAgent());
        append(b, e.action());
        append(b, e.target().module());
        append(b, e.target().cluster());
        append(b, e.target().namespace());
        append(b, e.target().kind());
        append(b, e.target().name());
        append(b, Integer.toString(e.status()));
        append(b, e.requestId());
        append(b, e.summary());
        return sha256(b.toString());
    }

    /** Timestamps are hashed at the precision PostgreSQL keeps (microseconds). */
    static Instant normalise(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void append(StringBuilder b, String value) {
        if (value == null) {
            b.append("-1:");
        } else {
            b.append(value.length()).append(':').append(value);
        }
        b.append('|');
    }
}
