package io.flotilla.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The server's TLS key and certificate: the operator's PKCS#12 keystore when configured, else a
 * self-signed certificate generated once into {@code DATA_DIR/tls/} with the JDK's keytool (for
 * loopback and the host's own names), so that kubectl, which sends credentials only over TLS, can
 * reach the Kubernetes-compatible APIs.
 *
 * @param keystore    PKCS#12 keystore holding the key and certificate
 * @param password    its password
 * @param certificate PEM certificate clients may trust (null for an operator's keystore)
 */
public record TlsCertificate(Path keystore, String password, Path certificate) {

    static final String ALIAS = "flotilla";

    /** The configured keystore, or the generated one (created on first use). */
    static TlsCertificate resolve(FlotillaProperties.Tls tls, Path dataDir) {
        if (!tls.keystore().isEmpty()) {
            return new TlsCertificate(Path.of(tls.keystore()), tls.keystorePassword(), null);
        }
        Path dir = dataDir.resolve("tls");
        Path keystore = dir.resolve("server.p12");
        Path passwordFile = dir.resolve("keystore-password");
        Path pem = dir.resolve("server.crt");
        if (!Files.isRegularFile(keystore) || !SecretFiles.exists(passwordFile) || !Files.isRegularFile(pem)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            SecretFiles.writeNew(passwordFile, password);
            generate(keystore, password, pem);
        }
        return new TlsCertificate(keystore, SecretFiles.read(passwordFile), pem);
    }

    /** The names a generated certificate is valid for: loopback and this host's names and addresses. */
    static List<String> subjectAlternativeNames() {
        Set<String> names = new LinkedHashSet<>(List.of("dns:localhost", "ip:127.0.0.1", "ip:::1"));
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add("dns:" + local.getHostName());
            names.add("ip:" + local.getHostAddress());
        } catch (IOException e) {
            // loopback names only
        }
        return new ArrayList<>(names);
    }

    private static void generate(Path keystore, String password, Path pem) {
        try {
            Files.deleteIfExists(keystore);
            Files.deleteIfExists(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + keystore, e);
        }
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-sigalg", "SHA256withECDSA", "-validity", "3650", "-dname", "CN=flotilla, O=Flotilla",
                "-ext", "san=" + String.join(",", subjectAlternativeNames()),
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass:env", "FLOTILLA_KS_PASSWORD"),
                password);
        run(List.of(keytool, "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass:env", "FLOTILLA_KS_PASSWORD", "-file", pem.toString()), password);
    }

    /** Runs keytool with the password in its environment (never on the command line, where ps shows it). */
    private static void run(List<String> command, String password) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("FLOTILLA_KS_PASSWORD", password);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool could not create the TLS certificate: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool to create the TLS certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the TLS certificate", e);
        }
    }

    /** The certificate as PEM text, for kubeconfigs ({@code certificate-authority-data}). */
    public String certificatePem() {
        if (certificate == null) {
            return null;
        }
        try {
            return Files.readString(certificate, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + certificate, e);
        }
    }
}
