package io.flotilla.platform;

import java.util.List;

/**
 * Which request paths belong to the web console (the static bundle built from {@code console/} and its
 * client-side routes) and which belong to the server's APIs. Console paths are readable without
 * signing in (the login page is one of them); everything else keeps its own authentication.
 */
public final class ConsoleRoutes {

    /** Path prefixes the console never answers: APIs, health, sign-in flows, API docs. */
    private static final List<String> SERVER_PREFIXES = List.of("/api/", "/apis/", "/actuator", "/healthz",
            "/oauth2/", "/login/oauth2/", "/error", "/swagger-ui", "/v3/", "/webjars/");

    private ConsoleRoutes() {}

    /** True for console files ({@code /assets/app.js}, {@code /favicon.svg}) and client routes ({@code /clusters/east}). */
    public static boolean isConsolePath(String path) {
        if (path == null || path.isEmpty() || "/".equals(path)) {
            return true;
        }
        if ("/api".equals(path) || "/apis".equals(path) || path.contains("..")) {
            return false;
        }
        return SERVER_PREFIXES.stream().noneMatch(path::startsWith);
    }

    /**
     * True when a path that matches no file should be answered with the console's index.html, so deep
     * links work: a client route has no file extension in its last segment ({@code /clusters/east},
     * not {@code /assets/missing.js}).
     */
    public static boolean isClientRoute(String path) {
        if (!isConsolePath(path)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
