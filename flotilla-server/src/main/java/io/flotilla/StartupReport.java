package io.flotilla;

import io.flotilla.demo.DemoClusters;
import io.flotilla.iam.AdminBootstrap;
import io.flotilla.platform.FlotillaProperties;
import io.flotilla.platform.SecretFiles;
import io.flotilla.platform.TlsListener;
import java.io.PrintStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who ran {@code flotilla up} where the platform is and how to sign in. */
@Component
class StartupReport {

    private final FlotillaProperties properties;
    private final AdminBootstrap admin;
    private final ObjectProvider<DemoClusters> demo;
    private final TlsListener tls;

    StartupReport(FlotillaProperties properties, AdminBootstrap admin, ObjectProvider<DemoClusters> demo,
            TlsListener tls) {
        this.properties = properties;
        this.admin = admin;
        this.demo = demo;
        this.tls = tls;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        String url = "http://127.0.0.1:" + port;
        PrintStream out = System.out;
        out.println();
        out.println("Flotilla is ready: " + url);
        out.println("  sign in as:     admin");
        if (admin.generatedThisStart()) {
            out.println("  password:       " + SecretFiles.read(admin.passwordFile()) + "   (generated now; also in "
                    + admin.passwordFile() + ")");
        } else if (SecretFiles.exists(admin.passwordFile())) {
            out.println("  password:       in " + admin.passwordFile());
        } else {
            out.println("  password:       the one given in FLOTILLA_ADMIN_PASSWORD on first start");
        }
        out.println("  data directory: " + properties.dataDir().toAbsolutePath());
        tls.port().ifPresent(p -> out.println("  HTTPS:          https://127.0.0.1:" + p + "   (certificate: "
                + (tls.certificatePem() == null ? "your keystore" : properties.dataDir().toAbsolutePath()
                        .resolve("tls/server.crt")) + ")"));
        out.println("  console:        " + url + "/");
        out.println("  REST API:       " + url + "/api/v1/clusters   (OpenAPI: " + url + "/api/openapi, UI: " + url
                + "/api/docs)");
        tls.port().ifPresent(p -> out.println("  search:         kubectl --server https://127.0.0.1:" + p
                + "/apis/clusterpedia.io/v1beta1/resources"
                + (tls.certificatePem() == null ? "" : " --certificate-authority "
                        + properties.dataDir().toAbsolutePath().resolve("tls/server.crt"))
                + " --token <access key from POST /api/v1/accesskeys> get pods -A"));
        demo.ifAvailable(d -> d.kubeconfigs().forEach((name, file) ->
                out.println("  demo cluster:   " + name + " (simulated)   kubectl --kubeconfig " + file + " get pods -A")));
        out.println("Press Ctrl-C to stop.");
        out.println();
    }
}
