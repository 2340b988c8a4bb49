package io.flotilla.platform;

import static io.flotilla.platform.JsonText.quote;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Helpers to build problem+json bodies, also for filters that run outside Spring MVC. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        if (request != null) {
            body.setInstance(URI.create(request.getRequestURI()));
        }
        body.setProperty("requestId", RequestIds.current());
        return body;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(PROBLEM_JSON).body(body);
    }

    /** Writes a problem directly to a servlet response (for filters and security entry points). */
    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail,
            String instance) throws IOException {
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String json = "{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status.value()
                + ",\"detail\":" + quote(detail) + ",\"instance\":" + quote(instance)
                + ",\"requestId\":" + quote(RequestIds.current()) + "}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
