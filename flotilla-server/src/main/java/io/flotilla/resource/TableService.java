package io.flotilla.resource;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.flotilla.cluster.ClusterService;
import io.flotilla.iam.Authorization;
import io.flotilla.iam.Scope;
import io.flotilla.platform.ApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Asks a cluster for its server-side table of a kind ({@code Accept: …;as=Table}), one page at a time. */
@Service
public class TableService {

    static final String TABLE_ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

    private final ClusterService clusters;
    private final Discovery discovery;
    private final Authorization authz;
    private final KubernetesSerialization json;

    TableService(ClusterService clusters, Discovery discovery, Authorization authz, KubernetesSerialization json) {
        this.clusters = clusters;
        this.discovery = discovery;
        this.authz = authz;
        this.json = json;
    }

    public ResourceTable table(String cluster, String typeName, String namespace, String labelSelector, Integer limit,
            String continueToken) {
        ResourceType type = discovery.resolve(cluster, typeName);
        if (type.namespaced() && (namespace == null || namespace.isBlank())) {
            throw ApiException.badRequest("namespace", type.kind() + " is namespaced: give a namespace");
        }
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 1000) {
            throw ApiException.badRequest("limit", "must be between 1 and 1000");
        }
        String ns = type.namespaced() ? namespace : null;
        authz.require("list", type.qualifiedName(), Scope.of(cluster, ns), null);
        KubernetesClient client = clusters.sharedClient(cluster);
        String path = (type.group().isEmpty() ? "/api/" + type.version() : "/apis/" + type.apiVersion())
                + (ns == null ? "" : "/namespaces/" + encode(ns)) + "/" + type.plural()
                + "?limit=" + size
                + (labelSelector == null || labelSelector.isBlank() ? "" : "&labelSelector=" + encode(labelSelector))
                + (continueToken == null || continueToken.isBlank() ? "" : "&continue=" + encode(continueToken));
        String base = client.getMasterUrl().toString().replaceAll("/+$", "");
        HttpRequest request = client.getHttpClient().newHttpRequestBuilder().uri(base + path)
                .header("Accept", TABLE_ACCEPT).build();
        HttpResponse<String> response;
        try {
            response = client.getHttpClient().sendAsync(request, String.class).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted", "the request was interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Cluster unreachable",
                    "cluster '" + cluster + "' did not answer the table request: " + e.getMessage());
        }
        Map<String, Object> body = parse(response.body());
        if (!response.isSuccessful()) {
            HttpStatus status = HttpStatus.resolve(response.code());
            throw new ApiException(status == null || response.code() == 401 ? HttpStatus.BAD_GATEWAY : status,
                    "Cluster error", "cluster '" + cluster + "': " + body.getOrDefault("message", response.code()));
        }
        return toTable(body);
    }

    @SuppressWarnings("unchecked")
    static ResourceTable toTable(Map<String, Object> body) {
        Map<String, Object> meta = (Map<String, Object>) body.getOrDefault("metadata", Map.of());
        String next = meta.get("continue") instanceof String s && !s.isEmpty() ? s : null;
        if (!"Table".equals(body.get("kind"))) {
            List<ResourceTable.Row> rows = new ArrayList<>();
            for (Object item : (List<Object>) body.getOrDefault("items", List.of())) {
                Map<String, Object> m = (Map<String, Object>) ((Map<String, Object>) item).get("metadata");
                rows.add(new ResourceTable.Row((String) m.get("namespace"), (String) m.get("name"),
                        List.of(m.get("name"), m.get("creationTimestamp"))));
            }
            return new ResourceTable(List.of(new ResourceTable.Column("Name", "string", "name", 0),
                    new ResourceTable.Column("Created", "date", "creation time", 0)), rows, next);
        }
        List<ResourceTable.Column> columns = new ArrayList<>();
        for (Object c : (List<Object>) body.getOrDefault("columnDefinitions", List.of())) {
            Map<String, Object> col = (Map<String, Object>) c;
            columns.add(new ResourceTable.Column((String) col.get("name"), (String) col.get("type"),
                    (String) col.get("description"), col.get("priority") instanceof Number n ? n.intValue() : 0));
        }
        List<ResourceTable.Row> rows = new ArrayList<>();
        for (Object r : (List<Object>) body.getOrDefault("rows", List.of())) {
            Map<String, Object> row = (Map<String, Object>) r;
            Map<String, Object> object = (Map<String, Object>) row.getOrDefault("object", Map.of());
            Map<String, Object> m = (Map<String, Object>) object.getOrDefault("metadata", Map.of());
            rows.add(new ResourceTable.Row((String) m.get("namespace"), (String) m.get("name"),
                    (List<Object>) row.getOrDefault("cells", List.of())));
        }
        return new ResourceTable(columns, rows, next);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String text) {
        try {
            return json.unmarshal(text, Map.class);
        } catch (RuntimeException e) {
            return Map.of("message", text == null ? "" : text.substring(0, Math.min(200, text.length())));
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
