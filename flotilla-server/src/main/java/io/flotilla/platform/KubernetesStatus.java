package io.flotilla.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Kubernetes {@code Status} failure documents, which Kubernetes-compatible APIs (the search API under
 * {@code /apis/clusterpedia.io/}) answer instead of problem+json because kubectl expects them.
 */
public final class KubernetesStatus {

    /** Path prefix of the Kubernetes-compatible APIs. */
    public static final String KUBERNETES_PREFIX = "/apis/clusterpedia.io/";

    private KubernetesStatus() {}

    /** True when the request is for a Kubernetes-compatible API (errors must be Status objects). */
    public static boolean appliesTo(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && uri.startsWith(KUBERNETES_PREFIX);
    }

    /** Kubernetes' reason for an HTTP status code. */
    public static String reason(int code) {
        return switch (code) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 409 -> "Conflict";
            case 410 -> "Expired";
            case 413 -> "RequestEntityTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 422 -> "Invalid";
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            case 504 -> "Timeout";
            default -> code >= 500 ? "InternalError" : "BadRequest";
        };
    }

    /** The Status document (kind Status, status Failure) as JSON text. */
    public static String json(int code, String message) {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
                + JsonText.quote(message) + ",\"reason\":\"" + reason(code) + "\",\"code\":" + code + "}";
    }

    /** Writes a Status failure to a servlet response (controllers, filters and security entry points). */
    public static void write(HttpServletResponse response, int code, String message) throws IOException {
        response.setStatus(code);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json(code, message).getBytes(StandardCharsets.UTF_8));
    }
}
