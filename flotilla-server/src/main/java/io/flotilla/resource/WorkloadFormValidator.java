package io.flotilla.resource;

import io.flotilla.platform.ApiException.FieldError;
import io.flotilla.platform.LabelSelector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a {@link WorkloadForm} field by field, before anything is sent to a cluster. Pure. */
public final class WorkloadFormValidator {

    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern PERCENT_OR_INT = Pattern.compile("\\d+%?");
    private static final Set<String> KINDS = Set.of("deployments", "statefulsets", "daemonsets");
    private static final Set<String> VOLUME_TYPES = Set.of("configMap", "secret", "pvc", "emptyDir", WorkloadForms.OTHER);
    private static final Set<String> PROBE_TYPES = Set.of("http", "tcp", "exec", WorkloadForms.OTHER);

    private WorkloadFormValidator() {}

    public static List<FieldError> validate(WorkloadForm f) {
        List<FieldError> e = new ArrayList<>();
        if (f.kind() == null || !KINDS.contains(f.kind())) {
            e.add(new FieldError("kind", "must be deployments, statefulsets or daemonsets (Jobs and CronJobs: use YAML)"));
        }
        label(e, "name", f.name());
        label(e, "namespace", f.namespace());
        if (f.replicas() != null && f.replicas() < 0) {
            e.add(new FieldError("replicas", "must be 0 or more"));
        }
        labels(e, "labels", f.labels());
        labels(e, "nodeSelector", f.nodeSelector());
        Set<String> volumes = new HashSet<>();
        if (f.volumes() != null) {
            for (int i = 0; i < f.volumes().size(); i++) {
                WorkloadForm.VolumeForm v = f.volumes().get(i);
                String p = "volumes[" + i + "]";
                label(e, p + ".name", v.name());
                if (v.name() != null && !volumes.add(v.name())) {
                    e.add(new FieldError(p + ".name", "'" + v.name() + "' is used twice"));
                }
                if (v.type() == null || !VOLUME_TYPES.contains(v.type())) {
                    e.add(new FieldError(p + ".type", "must be configMap, secret, pvc or emptyDir"));
                } else if (!v.type().equals("emptyDir") && !v.type().equals(WorkloadForms.OTHER)
                        && (v.source() == null || v.source().isBlank())) {
                    e.add(new FieldError(p + ".source", "name the " + v.type() + " to mount"));
                }
            }
        }
        if (f.containers() == null || f.containers().isEmpty()) {
            e.add(new FieldError("containers", "at least one container is required"));
        } else {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < f.containers().size(); i++) {
                container(e, "containers[" + i + "]", f.containers().get(i), names, volumes);
            }
        }
        if (f.strategy() != null && f.strategy().type() != null) {
            Set<String> allowed = "deployments".equals(f.kind()) ? Set.of("RollingUpdate", "Recreate")
                    : Set.of("RollingUpdate", "OnDelete");
            if (!allowed.contains(f.strategy().type())) {
                e.add(new FieldError("strategy.type", "must be one of " + allowed));
            }
            for (String[] pair : new String[][] {{"strategy.maxSurge", f.strategy().maxSurge()},
                    {"strategy.maxUnavailable", f.strategy().maxUnavailable()}}) {
                if (pair[1] != null && !pair[1].isBlank() && !PERCENT_OR_INT.matcher(pair[1].strip()).matches()) {
                    e.add(new FieldError(pair[0], "must be a number or a percentage such as 25%"));
                }
            }
        }
        if (f.service() != null && f.service().ports() != null && !f.service().ports().isEmpty()) {
            if (f.service().type() != null && !Set.of("ClusterIP", "NodePort").contains(f.service().type())) {
                e.add(new FieldError("service.type", "must be ClusterIP or NodePort"));
            }
            for (int i = 0; i < f.service().ports().size(); i++) {
                WorkloadForm.ServicePortForm p = f.service().ports().get(i);
                port(e, "service.ports[" + i + "].port", p.port(), true);
                port(e, "service.ports[" + i + "].targetPort", p.targetPort(), false);
                if (p.nodePort() != null && (p.nodePort() < 30000 || p.nodePort() > 32767)) {
                    e.add(new FieldError("service.ports[" + i + "].nodePort", "must be between 30000 and 32767"));
                }
            }
        }
        return e;
    }

    private static void container(List<FieldError> e, String p, WorkloadForm.ContainerForm c, Set<String> names,
            Set<String> volumes) {
        label(e, p + ".name", c.name());
        if (c.name() != null && !names.add(c.name())) {
            e.add(new FieldError(p + ".name", "'" + c.name() + "' is used twice"));
        }
        if (c.image() == null || c.image().isBlank() || c.image().chars().anyMatch(Character::isWhitespace)) {
            e.add(new FieldError(p + ".image", "is required, without spaces, e.g. nginx:1.27"));
        }
        if (c.ports() != null) {
            for (int i = 0; i < c.ports().size(); i++) {
                port(e, p + ".ports[" + i + "].containerPort", c.ports().get(i).containerPort(), true);
            }
        }
        if (c.env() != null) {
            for (int i = 0; i < c.env().size(); i++) {
                WorkloadForm.EnvForm env = c.env().get(i);
                if (env.name() == null || env.name().isBlank()) {
                    e.add(new FieldError(p + ".env[" + i + "].name", "is required"));
                }
                if (("configMap".equals(env.source()) || "secret".equals(env.source()))
                        && (env.refName() == null || env.refKey() == null)) {
                    e.add(new FieldError(p + ".env[" + i + "]", "name the " + env.source() + " and its key"));
                }
            }
        }
        if (c.resources() != null) {
            quantity(e, p + ".resources.requestCpu", c.resources().requestCpu());
            quantity(e, p + ".resources.requestMemory", c.resources().requestMemory());
            quantity(e, p + ".resources.limitCpu", c.resources().limitCpu());
            quantity(e, p + ".resources.limitMemory", c.resources().limitMemory());
        }
        probe(e, p + ".livenessProbe", c.livenessProbe());
        probe(e, p + ".readinessProbe", c.readinessProbe());
        probe(e, p + ".startupProbe", c.startupProbe());
        if (c.volumeMounts() != null) {
            for (int i = 0; i < c.volumeMounts().size(); i++) {
                WorkloadForm.MountForm m = c.volumeMounts().get(i);
                if (m.name() == null || !volumes.contains(m.name())) {
                    e.add(new FieldError(p + ".volumeMounts[" + i + "].name", "mounts volume '" + m.name()
                            + "', which is not among the volumes"));
                }
                if (m.mountPath() == null || !m.mountPath().startsWith("/")) {
                    e.add(new FieldError(p + ".volumeMounts[" + i + "].mountPath", "must be an absolute path"));
                }
            }
        }
    }

    private static void probe(List<FieldError> e, String p, WorkloadForm.ProbeForm probe) {
        if (probe == null) {
            return;
        }
        if (probe.type() == null || !PROBE_TYPES.contains(probe.type())) {
            e.add(new FieldError(p + ".type", "must be http, tcp or exec"));
            return;
        }
        if (("http".equals(probe.type()) || "tcp".equals(probe.type()))) {
            port(e, p + ".port", probe.port(), true);
        }
        if ("exec".equals(probe.type()) && (probe.command() == null || probe.command().isEmpty())) {
            e.add(new FieldError(p + ".command", "an exec probe needs a command"));
        }
        if ("http".equals(probe.type()) && probe.path() != null && !probe.path().isBlank()
                && !probe.path().startsWith("/")) {
            e.add(new FieldError(p + ".path", "must start with /, e.g. /healthz"));
        }
        if (probe.initialDelaySeconds() != null && probe.initialDelaySeconds() < 0) {
            e.add(new FieldError(p + ".initialDelaySeconds", "must be 0 or more"));
        }
        for (String[] pair : new String[][] {{"periodSeconds", str(probe.periodSeconds())},
                {"timeoutSeconds", str(probe.timeoutSeconds())}, {"failureThreshold", str(probe.failureThreshold())}}) {
            if (pair[1] != null && Integer.parseInt(pair[1]) < 1) {
                e.add(new FieldError(p + "." + pair[0], "must be 1 or more"));
            }
        }
    }

    private static String str(Integer v) {
        return v == null ? null : String.valueOf(v);
    }

    private static void quantity(List<FieldError> e, String field, String value) {
        if (value != null && !value.isBlank() && (!Quantities.isValid(value) || Quantities.isNegative(value))) {
            e.add(new FieldError(field, "'" + value + "' is not a quantity such as 500m, 2 or 256Mi"));
        }
    }

    private static void port(List<FieldError> e, String field, Integer port, boolean required) {
        if (port == null) {
            if (required) {
                e.add(new FieldError(field, "is required"));
            }
        } else if (port < 1 || port > 65535) {
            e.add(new FieldError(field, "must be between 1 and 65535"));
        }
    }

    private static void label(List<FieldError> e, String field, String value) {
        if (value == null || value.length() > 63 || !DNS1123_LABEL.matcher(value).matches()) {
            e.add(new FieldError(field, "must be a DNS-1123 label: lower-case letters, digits and '-', at most 63"));
        }
    }

    private static void labels(List<FieldError> e, String field, Map<String, String> labels) {
        if (labels != null) {
            labels.forEach((k, v) -> {
                if (!LabelSelector.isValidKey(k) || !LabelSelector.isValidValue(v)) {
                    e.add(new FieldError(field + "." + k, "'" + k + "=" + v + "' is not a valid label"));
                }
            });
        }
    }
}
