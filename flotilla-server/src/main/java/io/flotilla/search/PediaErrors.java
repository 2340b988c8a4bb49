package io.flotilla.search;

import io.flotilla.platform.ApiException;
import io.flotilla.platform.KubernetesStatus;
import io.flotilla.platform.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Failures of the Kubernetes-compatible search API as Kubernetes {@code Status} objects, which kubectl prints. */
@RestControllerAdvice(assignableTypes = PediaApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PediaErrors {

    private static final Logger log = LoggerFactory.getLogger(PediaErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> api(ApiException e) {
        return status(e.status().value(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
        log.error("search API failed on {} {}?{}", request.getMethod(), request.getRequestURI(),
                request.getQueryString(), e);
        return status(500, "the search failed; quote request id " + RequestIds.current() + " when reporting it");
    }

    private static ResponseEntity<String> status(int code, String message) {
        return ResponseEntity.status(code).contentType(MediaType.APPLICATION_JSON)
                .body(KubernetesStatus.json(code, message));
    }
}
