package io.flotilla.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Renders every API failure as RFC 9457 problem+json with the request id attached. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        ProblemDetail body = Problems.of(e.status(), e.title(), e.getMessage(), request);
        if (!e.errors().isEmpty()) {
            body.setProperty("errors", e.errors());
        }
        e.properties().forEach(body::setProperty);
        return Problems.response(body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String detail = e.getName() + ": '" + e.getValue() + "' is not a valid value";
        ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", detail, request);
        body.setProperty("errors", List.of(new ApiException.FieldError(e.getName(), "is not a valid value")));
        return Problems.response(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return Problems.response(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The server failed to handle this request; quote request id "
                        + RequestIds.current() + " when reporting it.", request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiException.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiException.FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        ApiException api = ApiException.invalid(errors);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, api.getMessage());
        body.setTitle(api.title());
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON for this operation: " + Problems.firstLine(ex.getMostSpecificCause().getMessage()));
        body.setTitle("Malformed request body");
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        Object problem = body;
        if (problem == null && ex instanceof ErrorResponseException ere) {
            problem = ere.getBody();
        }
        if (problem == null) {
            problem = ProblemDetail.forStatusAndDetail(statusCode, Problems.firstLine(ex.getMessage()));
        }
        if (problem instanceof ProblemDetail pd) {
            pd.setProperty("requestId", RequestIds.current());
            if (pd.getType() == null || URI.create("about:blank").equals(pd.getType())) {
                pd.setType(URI.create("about:blank"));
            }
        }
        HttpHeaders merged = new HttpHeaders();
        if (headers != null) {
            merged.addAll(headers);
        }
        merged.setContentType(Problems.PROBLEM_JSON);
        return super.handleExceptionInternal(ex, problem, merged, statusCode, request);
    }
}
