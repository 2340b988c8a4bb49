package io.flotilla.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KubeconfigParserTest {

    private static String kubeconfig(String clusterExtra, String userBody) {
        return """
                apiVersion: v1
                kind: Config
                current-context: east
                clusters:
                - name: east
                  cluster:
                    server: https://10.0.0.1:6443
                    certificate-authority-data: Q0FEQVRB
                %s
                users:
                - name: admin
                  user:
                %s
                contexts:
                - name: east
                  context:
                    cluster: east
                    user: admin
                    namespace: shop
                """.formatted(clusterExtra, userBody);
    }

    private static final String TOKEN_USER = "    token: abc123";

    @Test
    void parsesTokenCredentialsOfTheCurrentContext() {
        ClusterCredentials c = KubeconfigParser.parse(kubeconfig("", TOKEN_USER), null);
        assertThat(c.server()).isEqualTo("https://10.0.0.1:6443");
        assertThat(c.token()).isEqualTo("abc123");
        assertThat(c.caData()).isEqualTo("Q0FEQVRB");
        assertThat(c.namespace()).isEqualTo("shop");
        assertThat(c.type()).isEqualTo("token");
    }

    @Test
    void parsesEmbeddedClientCertificates() {
        ClusterCredentials c = KubeconfigParser.parse(kubeconfig("",
                "    client-certificate-data: Q0VSVA==\n    client-key-data: S0VZ"), null);
        assertThat(c.type()).isEqualTo("clientCertificate");
        assertThat(c.clientKeyData()).isEqualTo("S0VZ");
    }

    @Test
    void refusesExecPluginsNamingTheField() {
        assertThatThrownBy(() -> KubeconfigParser.parse(kubeconfig("",
                "    exec:\n      command: aws\n      apiVersion: client.authentication.k8s.io/v1"), null))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("exec credential plugins are refused")
                .extracting(e -> ((CredentialsException) e).field()).isEqualTo("kubeconfig.users[0].user.exec");
    }

    @Test
    void refusesAuthProviderPlugins() {
        assertThatThrownBy(() -> KubeconfigParser.parse(kubeconfig("", "    auth-provider:\n      name: gcp"), null))
                .extracting(e -> ((CredentialsException) e).field()).isEqualTo("kubeconfig.users[0].user.auth-provider");
    }

    @Test
    void refusesEveryLocalFileReference() {
        assertThatThrownBy(() -> KubeconfigParser.parse(kubeconfig("", "    tokenFile: /etc/token"), null))
                .extracting(e -> ((CredentialsException) e).field()).isEqualTo("kubeconfig.users[0].user.tokenFile");
        assertThatThrownBy(() -> KubeconfigParser.parse(kubeconfig("",
                "    client-certificate: /tmp/c.pem\n    client-key-data: S0VZ"), null))
                .extracting(e -> ((CredentialsException) e).field())
                .isEqualTo("kubeconfig.users[0].user.client-certificate");
        assertThatThrownBy(() -> KubeconfigParser.parse(kubeconfig("",
                "    client-certificate-data: Q0VSVA==\n    client-key: /tmp/k.pem"), null))
                .extracting(e -> ((CredentialsException) e).field()).isEqualTo("kubeconfig.users[0].user.client-key");
        assertThatThrownBy(() -> KubeconfigParser.parse(kubeconfig("    certificate-authority: /etc/ca.crt",
                TOKEN_USER), null))
                .extracting(e -> ((CredentialsException) e).field())
                .isEqualTo("kubeconfig.clusters[0].cluster.certificate-authority");
    }

    @Test
    void refusesTextThatIsNotYaml() {
        assertThatThrownBy(() -> KubeconfigParser.parse("clusters: [unclosed", null))
                .hasMessageContaining("is not valid YAML")
                .extracting(e -> ((CredentialsException) e).field()).isEqualTo("kubeconfig");
        assertThatThrownBy(() -> KubeconfigParser.parse("just a string", null))
                .hasMessageContaining("is not a kubeconfig");
        assertThatThrownBy(() -> KubeconfigParser.parse("", null)).hasMessageContaining("empty");
    }

    @Test
    void refusesAServerThatIsNotHttp() {
        String yaml = kubeconfig("", TOKEN_USER).replace("https://10.0.0.1:6443", "ftp://10.0.0.1");
        assertThatThrownBy(() -> KubeconfigParser.parse(yaml, null))
                .hasMessageContaining("must start with https://")
                .extracting(e -> ((CredentialsException) e).field()).isEqualTo("kubeconfig.clusters[0].cluster.server");
    }

    @Test
    void refusesAnUnknownContextListingTheKnownOnes() {
        assertThatThrownBy(() -> KubeconfigParser.parse(kubeconfig("", TOKEN_USER), "west"))
                .hasMessageContaining("context 'west' is not in the kubeconfig (it has: east)")
                .extracting(e -> ((CredentialsException) e).field()).isEqualTo("context");
    }

    @Test
    void refusesAUserWithoutCredentials() {
        assertThatThrownBy(() -> KubeconfigParser.parse(kubeconfig("", "    {}"), null))
                .hasMessageContaining("has no credentials");
    }

    @Test
    void tokenFormNeedsAnHttpUrlAndAToken() {
        assertThat(KubeconfigParser.fromToken("https://k8s.example.com/", "t", null, false).server())
                .isEqualTo("https://k8s.example.com");
        assertThatThrownBy(() -> KubeconfigParser.fromToken("k8s.example.com", "t", null, false))
                .extracting(e -> ((CredentialsException) e).field()).isEqualTo("server");
        assertThatThrownBy(() -> KubeconfigParser.fromToken("https://k8s.example.com", " ", null, false))
                .extracting(e -> ((CredentialsException) e).field()).isEqualTo("token");
    }
}
