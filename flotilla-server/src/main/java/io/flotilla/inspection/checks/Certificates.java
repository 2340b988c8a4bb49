package io.flotilla.inspection.checks;

import io.fabric8.kubernetes.api.model.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Reads X.509 certificates from TLS secrets and CA bundles (JDK only, pure). */
final class Certificates {

    /** The parts of a certificate the checks need. */
    record Cert(String subject, Instant notAfter) {}

    private Certificates() {}

    /** Calls {@code each} with the leaf certificate of every readable kubernetes.io/tls secret. */
    static void tlsSecrets(Inventory inv, BiConsumer<Secret, Cert> each) {
        for (Secret s : inv.all(Secret.class)) {
            if (!"kubernetes.io/tls".equals(s.getType())) {
                continue;
            }
            Cert cert = parse(data(s, "tls.crt"));
            if (cert != null) {
                each.accept(s, cert);
            }
        }
    }

    /** Calls {@code each} with every kubernetes.io/tls secret whose certificate cannot be read. */
    static void unreadable(Inventory inv, Consumer<Secret> each) {
        for (Secret s : inv.all(Secret.class)) {
            if ("kubernetes.io/tls".equals(s.getType()) && parse(data(s, "tls.crt")) == null) {
                each.accept(s);
            }
        }
    }

    /** The first certificate of PEM (or base64 of PEM) bytes; null when not a certificate. */
    static Cert parse(byte[] pem) {
        if (pem == null || pem.length == 0) {
            return null;
        }
        try {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem));
            return new Cert(c.getSubjectX500Principal().getName(), c.getNotAfter().toInstant());
        } catch (CertificateException | RuntimeException e) {
            return null;
        }
    }

    /** Decodes a base64 value (a Secret's data, a webhook caBundle); null when absent or not base64. */
    static byte[] decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] data(Secret s, String key) {
        if (s.getData() != null && s.getData().get(key) != null) {
            return decode(s.getData().get(key));
        }
        if (s.getStringData() != null && s.getStringData().get(key) != null) {
            return s.getStringData().get(key).getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }
}
