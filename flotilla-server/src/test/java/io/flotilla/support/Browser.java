package io.flotilla.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A console-like client for integration tests: keeps cookies like a browser (session, XSRF-TOKEN)
 * and, when asked, echoes the XSRF-TOKEN cookie in the X-XSRF-TOKEN header as the SPA does.
 */
public final class Browser {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final String base;

    public Browser(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Api.Response login(String user, String password) {
        return send(json("/api/v1/login", "POST", Map.of("username", user, "password", password), false));
    }

    public Api.Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A change sent with the X-XSRF-TOKEN header, like the console. */
    public Api.Response post(String path, Object body) {
        return send(json(path, "POST", body, true));
    }

    /** A change without the CSRF header, like a forged cross-site request carrying the cookie. */
    public Api.Response postWithoutCsrf(String path, Object body) {
        return send(json(path, "POST", body, false));
    }

    public Api.Response delete(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
        String token = cookie("XSRF-TOKEN");
        if (token != null) {
            b.header("X-XSRF-TOKEN", token);
        }
        return send(b);
    }

    /** Follows redirects by hand (through other hosts too), returning the final response. */
    public Api.Response follow(String url, int maxHops) {
        String next = url.startsWith("http") ? url : base + url;
        Api.Response r = null;
        for (int i = 0; i < maxHops; i++) {
            r = send(HttpRequest.newBuilder(URI.create(next)).GET());
            String location = r.header("Location");
            if (r.status() / 100 != 3 || location == null) {
                return r;
            }
            next = URI.create(next).resolve(location).toString();
        }
        return r;
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpRequest.Builder json(String path, String method, Object body, boolean csrf) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Api.toJson(body)));
        String token = cookie("XSRF-TOKEN");
        if (csrf && token != null) {
            b.header("X-XSRF-TOKEN", token);
        }
        return b;
    }

    private Api.Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = http.send(builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Api.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
