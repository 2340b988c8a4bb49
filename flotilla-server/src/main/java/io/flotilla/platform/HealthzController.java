package io.flotilla.platform;

import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /healthz}: 200 once the server is ready, 503 otherwise (a short alias of actuator health). */
@RestController
class HealthzController {

    private final HealthEndpoint health;

    HealthzController(HealthEndpoint health) {
        this.health = health;
    }

    @GetMapping("/healthz")
    ResponseEntity<Map<String, String>> healthz() {
        String status = health.health().getStatus().getCode();
        return ResponseEntity.status("UP".equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("status", status));
    }
}
