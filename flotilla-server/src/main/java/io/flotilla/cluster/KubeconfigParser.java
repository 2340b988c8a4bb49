package io.flotilla.cluster;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Turns a kubeconfig document into {@link ClusterCredentials}, refusing everything that would make
 * the server run programs or read its own files: exec plugins, auth-provider plugins and file
 * references (certificate-authority, client-certificate, client-key, tokenFile). Pure.
 */
public final class KubeconfigParser {

    private static final String ROOT = "kubeconfig";

    private KubeconfigParser() {}

    /**
     * @param kubeconfig the YAML (or JSON) text
     * @param context the context to use; null means current-context, or the only context
     */
    public static ClusterCredentials parse(String kubeconfig, String context) {
        Map<String, Object> doc = load(kubeconfig);
        List<Map<String, Object>> contexts = namedList(doc, "contexts");
        List<Map<String, Object>> clusters = namedList(doc, "clusters");
        List<Map<String, Object>> users = namedList(doc, "users");

        String chosen = context;
        if (chosen == null || chosen.isBlank()) {
            Object current = doc.get("current-context");
            if (current instanceof String s && !s.isBlank()) {
                chosen = s;
            } else if (contexts.size() == 1) {
                chosen = (String) contexts.getFirst().get("name");
            } else {
                throw new CredentialsException("context", "the kubeconfig has " + contexts.size()
                        + " contexts and no current-context; name the one to use in 'context'");
            }
        }
        int ci = indexOf(contexts, chosen);
        if (ci < 0) {
            throw new CredentialsException(chosen.equals(context) ? "context" : ROOT + ".current-context",
                    "context '" + chosen + "' is not in the kubeconfig (it has: " + names(contexts) + ")");
        }
        Map<String, Object> ctx = body(contexts.get(ci), "context", ROOT + ".contexts[" + ci + "]");
        String clusterName = string(ctx, "cluster", ROOT + ".contexts[" + ci + "].context.cluster", true);
        String userName = string(ctx, "user", ROOT + ".contexts[" + ci + "].context.user", true);
        String namespace = string(ctx, "namespace", ROOT + ".contexts[" + ci + "].context.namespace", false);

        int cl = indexOf(clusters, clusterName);
        if (cl < 0) {
            throw new CredentialsException(ROOT + ".contexts[" + ci + "].context.cluster",
                    "cluster '" + clusterName + "' is not in the kubeconfig's clusters");
        }
        String clusterPath = ROOT + ".clusters[" + cl + "].cluster";
        Map<String, Object> cluster = body(clusters.get(cl), "cluster", ROOT + ".clusters[" + cl + "]");
        refuse(cluster, "certificate-authority", clusterPath,
                "refers to a file on the server; embed the CA as certificate-authority-data");
        String server = validServer(string(cluster, "server", clusterPath + ".server", true), clusterPath + ".server");
        String caData = string(cluster, "certificate-authority-data", clusterPath + ".certificate-authority-data", false);
        boolean insecure = Boolean.TRUE.equals(cluster.get("insecure-skip-tls-verify"));

        int ui = indexOf(users, userName);
        if (ui < 0) {
            throw new CredentialsException(ROOT + ".contexts[" + ci + "].context.user",
                    "user '" + userName + "' is not in the kubeconfig's users");
        }
        String userPath = ROOT + ".users[" + ui + "].user";
        Map<String, Object> user = body(users.get(ui), "user", ROOT + ".users[" + ui + "]");
        refuse(user, "exec", userPath, "exec credential plugins are refused: they would run a program on the "
                + "Flotilla server; use a service-account token or an embedded client certificate");
        refuse(user, "auth-provider", userPath, "auth-provider plugins are refused: they would run provider "
                + "code on the Flotilla server; use a service-account token or an embedded client certificate");
        refuse(user, "tokenFile", userPath, "refers to a file on the server; put the token itself in 'token'");
        refuse(user, "client-certificate", userPath,
                "refers to a file on the server; embed the certificate as client-certificate-data");
        refuse(user, "client-key", userPath, "refers to a file on the server; embed the key as client-key-data");
        refuse(user, "password", userPath, "basic authentication is not supported; use a token or client certificate");
        String token = string(user, "token", userPath + ".token", false);
        String cert = string(user, "client-certificate-data", userPath + ".client-certificate-data", false);
        String key = string(user, "client-key-data", userPath + ".client-key-data", false);
        if ((cert == null) != (key == null)) {
            throw new CredentialsException(userPath + (cert == null ? ".client-certificate-data" : ".client-key-data"),
                    "a client certificate needs both client-certificate-data and client-key-data");
        }
        if (token == null && cert == null) {
            throw new CredentialsException(userPath, "the user has no credentials: give 'token' or "
                    + "client-certificate-data with client-key-data");
        }
        return new ClusterCredentials(server, caData, insecure, token, cert, key, namespace);
    }

    /** Credentials from a server URL and bearer token (the non-kubeconfig form of registration). */
    public static ClusterCredentials fromToken(String server, String token, String caData, boolean insecure) {
        String url = validServer(server, "server");
        if (token == null || token.isBlank()) {
            throw new CredentialsException("token", "a bearer token is required with 'server'");
        }
        return new ClusterCredentials(url, blankToNull(caData), insecure, token.strip(), null, null, null);
    }

    /** Checks that a server URL is absolute http(s) with a host; returns it without a trailing slash. */
    public static String validServer(String server, String field) {
        if (server == null || server.isBlank()) {
            throw new CredentialsException(field, "the API server URL is required");
        }
        URI uri;
        try {
            uri = new URI(server.strip());
        } catch (URISyntaxException e) {
            throw new CredentialsException(field, "'" + server + "' is not a URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
            throw new CredentialsException(field, "'" + server + "' must start with https:// (or http://)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new CredentialsException(field, "'" + server + "' has no host");
        }
        if (uri.getUserInfo() != null) {
            throw new CredentialsException(field, "the URL must not contain a user name or password");
        }
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String text) {
        if (text == null || text.isBlank()) {
            throw new CredentialsException(ROOT, "the kubeconfig is empty");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(4 * 1024 * 1024);
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            String msg = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("unreadable");
            throw new CredentialsException(ROOT, "is not valid YAML: " + msg);
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new CredentialsException(ROOT, "is not a kubeconfig: expected a mapping with clusters, users and contexts");
        }
        Object kind = map.get("kind");
        if (kind != null && !"Config".equals(kind)) {
            throw new CredentialsException(ROOT + ".kind", "is '" + kind + "'; a kubeconfig has kind Config");
        }
        return (Map<String, Object>) map;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> namedList(Map<String, Object> doc, String key) {
        Object value = doc.get(key);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new CredentialsException(ROOT + "." + key, "is missing or empty");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> item) || !(item.get("name") instanceof String)) {
                throw new CredentialsException(ROOT + "." + key + "[" + i + "]", "must be a mapping with a 'name'");
            }
        }
        return (List<Map<String, Object>>) list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> item, String key, String path) {
        if (!(item.get(key) instanceof Map<?, ?> body)) {
            throw new CredentialsException(path + "." + key, "is missing");
        }
        return (Map<String, Object>) body;
    }

    private static String string(Map<String, Object> map, String key, String path, boolean required) {
        Object value = map.get(key);
        if (value == null || (value instanceof String s && s.isBlank())) {
            if (required) {
                throw new CredentialsException(path, "is required");
            }
            return null;
        }
        if (!(value instanceof String s)) {
            throw new CredentialsException(path, "must be a string");
        }
        return s.strip();
    }

    private static void refuse(Map<String, Object> map, String key, String path, String why) {
        if (map.containsKey(key) && map.get(key) != null) {
            throw new CredentialsException(path + "." + key, why);
        }
    }

    private static int indexOf(List<Map<String, Object>> list, String name) {
        for (int i = 0; i < list.size(); i++) {
            if (name.equals(list.get(i).get("name"))) {
                return i;
            }
        }
        return -1;
    }

    private static String names(List<Map<String, Object>> list) {
        return String.join(", ", list.stream().map(m -> (String) m.get("name")).toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
