package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.support.ServerTestBase;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The HTTPS listener serves the same application with a generated certificate clients can pin. */
class TlsListenerIT extends ServerTestBase {

    @Autowired
    TlsListener tls;

    @Value("${flotilla.data-dir}")
    String dataDir;

    private HttpClient trusting(String pem) throws Exception {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("flotilla", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    @Test
    void servesTheApiOverHttpsWithTheGeneratedCertificateForLoopback() throws Exception {
        assertThat(tls.port()).isPresent();
        String pem = tls.certificatePem();
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
        HttpClient client = trusting(pem);
        String base = "https://127.0.0.1:" + tls.port().getAsInt();

        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> me = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("admin");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void clientsThatDoNotTrustTheCertificateAreRefused() {
        String base = "https://127.0.0.1:" + tls.port().getAsInt();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/healthz")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void keystorePasswordIsOwnerOnlyAndTheCertificateIsWrittenForClients() throws Exception {
        Path dir = Path.of(dataDir, "tls");
        assertThat(Files.getPosixFilePermissions(dir.resolve("keystore-password")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(Files.readString(dir.resolve("server.crt"))).isEqualTo(tls.certificatePem());
        assertThat(Files.readString(dir.resolve("server.crt"))).doesNotContain("PRIVATE KEY");
    }
}
