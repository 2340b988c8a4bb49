package io.flotilla.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the search API with an Accept header of choice and encoded query strings. */
final class PediaClient {

    static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    PediaClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        /** cluster/namespace/name of every item of a list, in order. */
        List<String> keys() {
            List<String> out = new ArrayList<>();
            for (JsonNode item : json().get("items")) {
                JsonNode m = item.get("metadata");
                out.add(m.get("annotations").get("shadow.clusterpedia.io/cluster-name").asString() + "/"
                        + (m.has("namespace") ? m.get("namespace").asString() : "") + "/" + m.get("name").asString());
            }
            return out;
        }

        String continueToken() {
            JsonNode c = json().get("metadata").get("continue");
            return c == null ? null : c.asString();
        }
    }

    /** {@code path?k=v&...} with every key and value percent-encoded. */
    static String query(String path, String... pairs) {
        StringBuilder b = new StringBuilder(path);
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(i == 0 ? '?' : '&').append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    Reply get(String pathAndQuery) {
        return get(pathAndQuery, "application/json");
    }

    /** GET with {@code Cache-Control: no-cache}: the server reads the index, not an answer it kept. */
    Reply getFresh(String pathAndQuery) {
        return get(pathAndQuery, "application/json", "no-cache");
    }

    Reply get(String pathAndQuery, String accept) {
        return get(pathAndQuery, accept, null);
    }

    private Reply get(String pathAndQuery, String accept, String cacheControl) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Accept", accept);
        if (cacheControl != null) {
            b.header("Cache-Control", cacheControl);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.GET());
    }

    Reply post(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b);
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
