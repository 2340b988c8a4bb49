package io.flotilla.platform;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.OptionalInt;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A second listener that serves the same application over HTTPS ({@code flotilla.tls.port}), next to
 * the plain HTTP one. kubectl and client-go send bearer tokens and passwords only over TLS, so the
 * Kubernetes-compatible APIs (multi-cluster search) need it; browsers may use it too.
 */
@Component
public class TlsListener implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(TlsListener.class);

    private final FlotillaProperties properties;
    private final ServerProperties server;
    private final ApplicationContext context;
    private volatile TlsCertificate certificate;

    TlsListener(FlotillaProperties properties, ServerProperties server, ApplicationContext context) {
        this.properties = properties;
        this.server = server;
        this.context = context;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        FlotillaProperties.Tls tls = properties.tls();
        if (!tls.enabled()) {
            return;
        }
        certificate = TlsCertificate.resolve(tls, properties.dataDir());
        Connector connector = new Connector(Http11NioProtocol.class.getName());
        connector.setScheme("https");
        connector.setSecure(true);
        connector.setPort(tls.port());
        Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
        InetAddress address = server.getAddress();
        if (address != null) {
            protocol.setAddress(address);
        }
        protocol.setSSLEnabled(true);
        SSLHostConfig host = new SSLHostConfig();
        host.setProtocols("TLSv1.2+TLSv1.3");
        SSLHostConfigCertificate cert = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
        cert.setCertificateKeystoreFile(certificate.keystore().toAbsolutePath().toString());
        cert.setCertificateKeystorePassword(certificate.password());
        cert.setCertificateKeystoreType("PKCS12");
        host.addCertificate(cert);
        connector.addSslHostConfig(host);
        factory.addAdditionalConnectors(connector);
        log.info("HTTPS listener on port {} with {}", tls.port() == 0 ? "(any free)" : tls.port(),
                certificate.certificate() == null ? "keystore " + certificate.keystore()
                        : "a self-signed certificate (" + certificate.certificate() + ")");
    }

    /** The port HTTPS is served on once the server runs; empty when HTTPS is off. */
    public OptionalInt port() {
        if (!properties.tls().enabled() || !(context instanceof WebServerApplicationContext web)
                || !(web.getWebServer() instanceof TomcatWebServer tomcat)) {
            return OptionalInt.empty();
        }
        return Arrays.stream(tomcat.getTomcat().getService().findConnectors())
                .filter(c -> "https".equals(c.getScheme()))
                .mapToInt(Connector::getLocalPort)
                .filter(p -> p > 0)
                .findFirst();
    }

    /** The certificate clients should trust (PEM), when it was generated here; null otherwise. */
    public String certificatePem() {
        TlsCertificate current = certificate;
        return current == null ? null : current.certificatePem();
    }
}
