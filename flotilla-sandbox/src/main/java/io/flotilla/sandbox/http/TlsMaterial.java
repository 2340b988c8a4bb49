package io.flotilla.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The TLS certificate of the sandbox's HTTPS listeners: a fixed, published loopback-only CA and server
 * certificate (SAN 127.0.0.1 and localhost). It protects nothing; it exists because kubectl only sends
 * bearer tokens over TLS.
 *
 * @param caPem   the CA certificate (for {@code certificate-authority-data})
 * @param certPem the server certificate
 * @param keyPem  the server key (PKCS#8)
 */
public record TlsMaterial(String caPem, String certPem, String keyPem) {

  public static TlsMaterial load() {
    return new TlsMaterial(read("ca.crt"), read("server.crt"), read("server.key"));
  }

  private static String read(String name) {
    try (InputStream in = TlsMaterial.class.getResourceAsStream("/io/flotilla/sandbox/tls/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing TLS resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
