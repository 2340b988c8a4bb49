package io.flotilla.iam;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.flotilla.cluster.ClusterService;
import io.flotilla.platform.ApiException;
import io.flotilla.platform.ApiException.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Checks, through the cluster registry, that clusters and namespaces named in bindings exist. */
@Component
class ClusterDirectory {

    private final ClusterService clusters;

    ClusterDirectory(ClusterService clusters) {
        this.clusters = clusters;
    }

    /** 422 unless the cluster is registered. */
    void requireCluster(String field, String cluster) {
        try {
            clusters.get(cluster);
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw unknown(field, "cluster '" + cluster + "' is not registered");
            }
            throw e;
        }
    }

    /** 422 unless the cluster is registered and the namespace exists in it. */
    void requireNamespace(String field, String cluster, String namespace) {
        requireCluster("cluster", cluster);
        try {
            if (clusters.sharedClient(cluster).namespaces().withName(namespace).get() == null) {
                throw unknown(field, "namespace '" + namespace + "' does not exist in cluster '" + cluster + "'");
            }
        } catch (KubernetesClientException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Cluster unreachable", "could not check namespace '"
                    + namespace + "' in cluster '" + cluster + "': " + e.getMessage() + "; try again when the cluster "
                    + "is reachable");
        }
    }

    /** The shared client of a registered cluster; never close it. */
    KubernetesClient client(String cluster) {
        return clusters.sharedClient(cluster);
    }

    static ApiException unknown(String field, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown target", field + ": " + message,
                List.of(new FieldError(field, message)));
    }
}
