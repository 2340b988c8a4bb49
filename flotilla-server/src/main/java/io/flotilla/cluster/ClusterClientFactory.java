package io.flotilla.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.time.Duration;

/** Builds fabric8 clients from stored credentials, never from the server's own kubeconfig or files. */
public final class ClusterClientFactory {

    private ClusterClientFactory() {}

    public static KubernetesClient create(ClusterCredentials credentials, Duration timeout) {
        ConfigBuilder builder = new ConfigBuilder(Config.empty())
                .withMasterUrl(credentials.server())
                .withTrustCerts(credentials.insecureSkipTlsVerify())
                .withDisableHostnameVerification(credentials.insecureSkipTlsVerify())
                .withConnectionTimeout((int) Math.min(timeout.toMillis(), Integer.MAX_VALUE))
                .withRequestTimeout((int) Math.min(timeout.toMillis(), Integer.MAX_VALUE))
                .withRequestRetryBackoffLimit(0)
                .withAutoConfigure(false);
        if (credentials.caData() != null) {
            builder.withCaCertData(credentials.caData());
        }
        if (credentials.token() != null) {
            builder.withOauthToken(credentials.token());
        }
        if (credentials.clientCertData() != null) {
            builder.withClientCertData(credentials.clientCertData()).withClientKeyData(credentials.clientKeyData());
        }
        if (credentials.namespace() != null) {
            builder.withNamespace(credentials.namespace());
        }
        return new KubernetesClientBuilder()
                .withConfig(builder.build())
                .withHttpClientFactory(new JdkHttpClientFactory())
                .build();
    }
}
