package io.flotilla.resource;

/** Request examples shown in the OpenAPI document (Swagger UI "Try it out" starts from them). */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String WORKLOAD_FORM = """
            {
              "kind": "deployments",
              "name": "web",
              "namespace": "shop",
              "replicas": 3,
              "labels": {"app": "web", "tier": "frontend"},
              "containers": [{
                "name": "web",
                "image": "nginx:1.27",
                "ports": [{"name": "http", "containerPort": 80, "protocol": "TCP"}],
                "env": [
                  {"name": "MODE", "source": "value", "value": "production"},
                  {"name": "DB_HOST", "source": "configMap", "refName": "web-config", "refKey": "db-host"},
                  {"name": "DB_PASSWORD", "source": "secret", "refName": "web-secret", "refKey": "password"}
                ],
                "resources": {"requestCpu": "250m", "requestMemory": "256Mi", "limitCpu": "1", "limitMemory": "512Mi"},
                "readinessProbe": {"type": "http", "path": "/healthz", "port": 80, "initialDelaySeconds": 5},
                "livenessProbe": {"type": "tcp", "port": 80, "initialDelaySeconds": 15},
                "volumeMounts": [{"name": "cache", "mountPath": "/var/cache/nginx"}]
              }],
              "volumes": [{"name": "cache", "type": "emptyDir"}],
              "strategy": {"type": "RollingUpdate", "maxSurge": "25%", "maxUnavailable": "25%"},
              "nodeSelector": {"kubernetes.io/os": "linux"},
              "tolerations": [{"key": "dedicated", "operator": "Equal", "value": "web", "effect": "NoSchedule"}],
              "service": {"type": "ClusterIP", "ports": [{"name": "http", "port": 80, "targetPort": 80}]}
            }""";

    static final String SCALE = """
            {"replicas": 5}""";

    static final String IMAGE = """
            {"container": "web", "image": "nginx:1.27.3"}""";

    static final String ROLLBACK = """
            {"revision": 2}""";

    static final String OBJECT = """
            {
              "apiVersion": "v1",
              "kind": "ConfigMap",
              "metadata": {"name": "web-config", "labels": {"app": "web"}},
              "data": {"db-host": "db.shop.svc"}
            }""";

    static final String CLUSTER_OBJECT = """
            {
              "apiVersion": "storage.k8s.io/v1",
              "kind": "StorageClass",
              "metadata": {"name": "fast"},
              "provisioner": "kubernetes.io/no-provisioner",
              "volumeBindingMode": "WaitForFirstConsumer"
            }""";

    static final String APPLY_YAML = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              replicas: 2
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
            """;

    static final String NODE_EDIT = """
            {"labels": {"disk": "ssd", "zone": "east-1a"}, "taints": ["dedicated=db:NoSchedule"]}""";

    static final String NAMESPACE = """
            {
              "name": "shop",
              "labels": {"team": "retail"},
              "quotaPreset": "medium",
              "defaultRequests": {"cpu": "100m", "memory": "128Mi"},
              "defaultLimits": {"cpu": "500m", "memory": "512Mi"}
            }""";

    static final String NAMESPACE_CUSTOM_QUOTA = """
            {
              "name": "batch",
              "quota": {"requests.cpu": "4", "requests.memory": "8Gi", "limits.cpu": "8", "limits.memory": "16Gi",
                        "persistentvolumeclaims": "10"}
            }""";
}
