package io.flotilla.resource;

import java.util.List;
import java.util.Map;

/**
 * The form model of a Deployment, StatefulSet or DaemonSet: what a person fills in instead of YAML.
 * Converted to the Kubernetes object by {@link WorkloadForms#apply} (onto the existing object when
 * editing, so fields the form does not know are kept) and back by {@link WorkloadForms#read}.
 *
 * @param kind deployments, statefulsets or daemonsets
 * @param replicas desired replicas (not for DaemonSets)
 * @param strategy RollingUpdate (with maxSurge/maxUnavailable) or Recreate (Deployments), OnDelete (StatefulSets/DaemonSets)
 * @param service an optional Service exposing chosen container ports
 */
public record WorkloadForm(
        String kind,
        String name,
        String namespace,
        Integer replicas,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<ContainerForm> containers,
        List<VolumeForm> volumes,
        StrategyForm strategy,
        Map<String, String> nodeSelector,
        List<TolerationForm> tolerations,
        List<NodeAffinityForm> requiredNodeAffinity,
        ServiceForm service) {

    /** One container. */
    public record ContainerForm(String name, String image, List<String> command, List<String> args,
            List<PortForm> ports, List<EnvForm> env, ResourcesForm resources, ProbeForm livenessProbe,
            ProbeForm readinessProbe, ProbeForm startupProbe, List<MountForm> volumeMounts) {}

    /** A container port. */
    public record PortForm(String name, Integer containerPort, String protocol) {}

    /**
     * An environment variable: a literal value, or a key of a ConfigMap or Secret.
     *
     * @param source value (default), configMap or secret
     */
    public record EnvForm(String name, String source, String value, String refName, String refKey) {}

    /** CPU and memory requests and limits, as quantities ("500m", "256Mi"). */
    public record ResourcesForm(String requestCpu, String requestMemory, String limitCpu, String limitMemory) {}

    /**
     * A probe.
     *
     * @param type http, tcp or exec
     */
    public record ProbeForm(String type, String path, Integer port, List<String> command, Integer initialDelaySeconds,
            Integer periodSeconds, Integer timeoutSeconds, Integer failureThreshold) {}

    /** A volume mount. */
    public record MountForm(String name, String mountPath, Boolean readOnly, String subPath) {}

    /**
     * A volume.
     *
     * @param type configMap, secret, pvc or emptyDir
     * @param source the ConfigMap, Secret or claim name (not for emptyDir)
     */
    public record VolumeForm(String name, String type, String source) {}

    /** Update strategy; maxSurge/maxUnavailable are numbers or percentages ("25%"). */
    public record StrategyForm(String type, String maxSurge, String maxUnavailable) {}

    /** A toleration. */
    public record TolerationForm(String key, String operator, String value, String effect) {}

    /** A required node affinity term: the node label {@code key} must be one of {@code values}. */
    public record NodeAffinityForm(String key, List<String> values) {}

    /**
     * A Service for the workload.
     *
     * @param type ClusterIP or NodePort
     */
    public record ServiceForm(String type, List<ServicePortForm> ports) {}

    /** A service port; nodePort only for NodePort services (empty: assigned by the cluster). */
    public record ServicePortForm(String name, Integer port, Integer targetPort, Integer nodePort, String protocol) {}
}
