package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.flotilla.platform.ApiException;
import io.flotilla.platform.ApiException.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Turns a member cluster's refusal into problem+json, keeping the cluster's message and causes. */
public final class KubeErrors {

    private KubeErrors() {}

    public static ApiException translate(String cluster, KubernetesClientException e) {
        int code = e.getCode();
        Status status = e.getStatus();
        String message = status != null && status.getMessage() != null ? status.getMessage() : e.getMessage();
        List<FieldError> causes = new ArrayList<>();
        if (status != null && status.getDetails() != null && status.getDetails().getCauses() != null) {
            for (StatusCause cause : status.getDetails().getCauses()) {
                causes.add(new FieldError(cause.getField() == null ? "" : cause.getField(),
                        cause.getMessage() == null ? String.valueOf(cause.getReason()) : cause.getMessage()));
            }
        }
        if (code <= 0) {
            return new ApiException(HttpStatus.BAD_GATEWAY, "Cluster unreachable",
                    "cluster '" + cluster + "' could not be reached: " + rootMessage(e));
        }
        HttpStatus http = HttpStatus.resolve(code);
        if (http == null || code == 401) {
            http = HttpStatus.BAD_GATEWAY;
            message = "cluster '" + cluster + "' refused the platform's credentials (" + code + "): " + message;
        }
        String title = switch (code) {
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 422 -> "Invalid object";
            case 403 -> "Forbidden by the cluster";
            default -> "Cluster error";
        };
        return new ApiException(http, title, "cluster '" + cluster + "': " + message, causes);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
