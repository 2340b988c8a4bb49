package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.flotilla.resource.WorkloadForm.ContainerForm;
import io.flotilla.resource.WorkloadForm.EnvForm;
import io.flotilla.resource.WorkloadForm.ProbeForm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Converts between {@link WorkloadForm} and Deployments, StatefulSets and DaemonSets. Pure. When
 * editing, the form is applied onto the existing object, so whatever the form does not model
 * (security contexts, lifecycle hooks, init containers, fieldRef env vars, other volume types…) is kept.
 */
public final class WorkloadForms {

    /** Marks env vars, probes and volumes the form does not model; applying keeps the existing definition. */
    public static final String OTHER = "other";

    private WorkloadForms() {}

    /** The form of an existing workload. */
    public static WorkloadForm read(HasMetadata w) {
        PodTemplateSpec t = template(w);
        PodSpec spec = t.getSpec();
        List<ContainerForm> containers = spec.getContainers().stream().map(WorkloadForms::readContainer).toList();
        List<WorkloadForm.VolumeForm> volumes = spec.getVolumes() == null ? List.of() : spec.getVolumes().stream()
                .map(v -> v.getConfigMap() != null ? new WorkloadForm.VolumeForm(v.getName(), "configMap", v.getConfigMap().getName())
                        : v.getSecret() != null ? new WorkloadForm.VolumeForm(v.getName(), "secret", v.getSecret().getSecretName())
                        : v.getPersistentVolumeClaim() != null ? new WorkloadForm.VolumeForm(v.getName(), "pvc",
                                v.getPersistentVolumeClaim().getClaimName())
                        : v.getEmptyDir() != null ? new WorkloadForm.VolumeForm(v.getName(), "emptyDir", null)
                        : new WorkloadForm.VolumeForm(v.getName(), OTHER, null))
                .toList();
        List<WorkloadForm.TolerationForm> tolerations = spec.getTolerations() == null ? List.of()
                : spec.getTolerations().stream().map(x -> new WorkloadForm.TolerationForm(x.getKey(), x.getOperator(),
                        x.getValue(), x.getEffect())).toList();
        List<WorkloadForm.NodeAffinityForm> affinity = new ArrayList<>();
        if (spec.getAffinity() != null && spec.getAffinity().getNodeAffinity() != null
                && spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
            spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
                    .getNodeSelectorTerms().forEach(term -> term.getMatchExpressions().stream()
                            .filter(e -> "In".equals(e.getOperator()))
                            .forEach(e -> affinity.add(new WorkloadForm.NodeAffinityForm(e.getKey(), e.getValues()))));
        }
        return new WorkloadForm(kindOf(w).plural(), w.getMetadata().getName(), w.getMetadata().getNamespace(),
                replicas(w), w.getMetadata().getLabels(), w.getMetadata().getAnnotations(), containers, volumes,
                strategy(w), spec.getNodeSelector(), tolerations, affinity, null);
    }

    /**
     * Applies the form onto {@code existing} (null to create a new object) and returns it.
     * Call {@link WorkloadFormValidator#validate} first.
     */
    public static HasMetadata apply(WorkloadForm form, HasMetadata existing) {
        WorkloadKind kind = WorkloadKind.of(form.kind());
        HasMetadata w = existing != null ? existing : fresh(kind, form);
        ObjectMeta meta = w.getMetadata();
        if (form.labels() != null) {
            meta.setLabels(new LinkedHashMap<>(form.labels()));
        }
        if (form.annotations() != null) {
            Map<String, String> annotations = new LinkedHashMap<>(form.annotations());
            if (existing != null && existing.getMetadata().getAnnotations() != null) {
                existing.getMetadata().getAnnotations().forEach((k, v) -> {
                    if (k.startsWith("deployment.kubernetes.io/")) {
                        annotations.putIfAbsent(k, v);
                    }
                });
            }
            meta.setAnnotations(annotations);
        }
        PodTemplateSpec t = template(w);
        PodSpec spec = t.getSpec();
        List<Container> containers = new ArrayList<>();
        for (ContainerForm cf : form.containers()) {
            Container c = spec.getContainers() == null ? null : spec.getContainers().stream()
                    .filter(x -> cf.name().equals(x.getName())).findFirst().orElse(null);
            containers.add(applyContainer(cf, c == null ? new Container() : c));
        }
        spec.setContainers(containers);
        if (form.volumes() != null) {
            List<Volume> volumes = new ArrayList<>();
            for (WorkloadForm.VolumeForm vf : form.volumes()) {
                Volume current = spec.getVolumes() == null ? null : spec.getVolumes().stream()
                        .filter(v -> vf.name().equals(v.getName())).findFirst().orElse(null);
                volumes.add(OTHER.equals(vf.type()) && current != null ? current : volume(vf));
            }
            spec.setVolumes(volumes.isEmpty() ? null : volumes);
        }
        spec.setNodeSelector(form.nodeSelector() == null || form.nodeSelector().isEmpty() ? null
                : new LinkedHashMap<>(form.nodeSelector()));
        if (form.tolerations() != null) {
            spec.setTolerations(form.tolerations().isEmpty() ? null : form.tolerations().stream()
                    .map(x -> new Toleration(x.effect(), x.key(), x.operator() == null ? "Equal" : x.operator(), null,
                            x.value())).toList());
        }
        if (form.requiredNodeAffinity() != null) {
            spec.setAffinity(form.requiredNodeAffinity().isEmpty() ? (spec.getAffinity() == null ? null
                    : withoutNodeAffinity(spec)) : new AffinityBuilder(spec.getAffinity() == null
                    ? new io.fabric8.kubernetes.api.model.Affinity() : spec.getAffinity())
                    .withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                    .addNewNodeSelectorTerm().withMatchExpressions(form.requiredNodeAffinity().stream()
                            .map(a -> new NodeSelectorRequirementBuilder().withKey(a.key()).withOperator("In")
                                    .withValues(a.values()).build()).toList())
                    .endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity()
                    .build());
        }
        applyKindSpecific(form, w);
        return w;
    }

    /** The Service the form asks for, selecting the workload's pods; null when none. */
    public static Service service(WorkloadForm form) {
        if (form.service() == null || form.service().ports() == null || form.service().ports().isEmpty()) {
            return null;
        }
        List<ServicePort> ports = form.service().ports().stream().map(p -> new ServicePortBuilder()
                .withName(p.name()).withPort(p.port())
                .withTargetPort(new IntOrString(p.targetPort() == null ? p.port() : p.targetPort()))
                .withNodePort("NodePort".equals(form.service().type()) ? p.nodePort() : null)
                .withProtocol(p.protocol() == null ? "TCP" : p.protocol()).build()).toList();
        return new ServiceBuilder().withNewMetadata().withName(form.name()).withNamespace(form.namespace())
                .withLabels(selector(form)).endMetadata().withNewSpec()
                .withType(form.service().type() == null ? "ClusterIP" : form.service().type())
                .withSelector(selector(form)).withPorts(ports).endSpec().build();
    }

    static Map<String, String> selector(WorkloadForm form) {
        return Map.of("app.kubernetes.io/name", form.name());
    }

    private static HasMetadata fresh(WorkloadKind kind, WorkloadForm form) {
        ObjectMeta meta = new ObjectMeta();
        meta.setName(form.name());
        meta.setNamespace(form.namespace());
        PodTemplateSpec template = new PodTemplateSpec();
        template.setMetadata(new ObjectMeta());
        template.getMetadata().setLabels(new LinkedHashMap<>(selector(form)));
        template.setSpec(new PodSpec());
        var labelSelector = new LabelSelectorBuilder().withMatchLabels(selector(form)).build();
        return switch (kind) {
            case DEPLOYMENTS -> {
                Deployment d = new Deployment();
                d.setMetadata(meta);
                d.setSpec(new io.fabric8.kubernetes.api.model.apps.DeploymentSpec());
                d.getSpec().setSelector(labelSelector);
                d.getSpec().setTemplate(template);
                yield d;
            }
            case STATEFULSETS -> {
                StatefulSet s = new StatefulSet();
                s.setMetadata(meta);
                s.setSpec(new io.fabric8.kubernetes.api.model.apps.StatefulSetSpec());
                s.getSpec().setSelector(labelSelector);
                s.getSpec().setTemplate(template);
                s.getSpec().setServiceName(form.name());
                yield s;
            }
            case DAEMONSETS -> {
                DaemonSet d = new DaemonSet();
                d.setMetadata(meta);
                d.setSpec(new io.fabric8.kubernetes.api.model.apps.DaemonSetSpec());
                d.getSpec().setSelector(labelSelector);
                d.getSpec().setTemplate(template);
                yield d;
            }
            default -> throw new IllegalArgumentException(kind.kind() + " has no form; use YAML");
        };
    }

    private static void applyKindSpecific(WorkloadForm form, HasMetadata w) {
        WorkloadForm.StrategyForm s = form.strategy();
        switch (w) {
            case Deployment d -> {
                if (form.replicas() != null) {
                    d.getSpec().setReplicas(form.replicas());
                }
                if (s != null && s.type() != null) {
                    var strategy = new io.fabric8.kubernetes.api.model.apps.DeploymentStrategy();
                    strategy.setType(s.type());
                    if ("RollingUpdate".equals(s.type())) {
                        var rolling = new io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment();
                        rolling.setMaxSurge(intOrString(s.maxSurge(), "25%"));
                        rolling.setMaxUnavailable(intOrString(s.maxUnavailable(), "25%"));
                        strategy.setRollingUpdate(rolling);
                    }
                    d.getSpec().setStrategy(strategy);
                }
            }
            case StatefulSet st -> {
                if (form.replicas() != null) {
                    st.getSpec().setReplicas(form.replicas());
                }
                if (s != null && s.type() != null) {
                    var strategy = new io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy();
                    strategy.setType(s.type());
                    st.getSpec().setUpdateStrategy(strategy);
                }
            }
            case DaemonSet ds -> {
                if (s != null && s.type() != null) {
                    var strategy = new io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy();
                    strategy.setType(s.type());
                    if ("RollingUpdate".equals(s.type())) {
                        var rolling = new io.fabric8.kubernetes.api.model.apps.RollingUpdateDaemonSet();
                        rolling.setMaxUnavailable(intOrString(s.maxUnavailable(), "1"));
                        strategy.setRollingUpdate(rolling);
                    }
                    ds.getSpec().setUpdateStrategy(strategy);
                }
            }
            default -> throw new IllegalArgumentException("not a form kind");
        }
    }

    private static Container applyContainer(ContainerForm cf, Container c) {
        c.setName(cf.name());
        c.setImage(cf.image());
        c.setCommand(cf.command() == null || cf.command().isEmpty() ? null : new ArrayList<>(cf.command()));
        c.setArgs(cf.args() == null || cf.args().isEmpty() ? null : new ArrayList<>(cf.args()));
        if (cf.ports() != null) {
            List<ContainerPort> ports = new ArrayList<>();
            for (WorkloadForm.PortForm pf : cf.ports()) {
                ContainerPort p = c.getPorts() == null ? null : c.getPorts().stream()
                        .filter(x -> Objects.equals(x.getContainerPort(), pf.containerPort())).findFirst().orElse(null);
                p = p == null ? new ContainerPort() : p;
                p.setContainerPort(pf.containerPort());
                p.setName(pf.name());
                p.setProtocol(pf.protocol() == null ? "TCP" : pf.protocol());
                ports.add(p);
            }
            c.setPorts(ports.isEmpty() ? null : ports);
        }
        if (cf.env() != null) {
            List<EnvVar> env = new ArrayList<>();
            for (EnvForm ef : cf.env()) {
                EnvVar current = c.getEnv() == null ? null : c.getEnv().stream()
                        .filter(e -> ef.name().equals(e.getName())).findFirst().orElse(null);
                env.add(OTHER.equals(ef.source()) && current != null ? current : envVar(ef));
            }
            c.setEnv(env.isEmpty() ? null : env);
        }
        if (cf.resources() != null) {
            ResourceRequirements r = c.getResources() == null ? new ResourceRequirements() : c.getResources();
            r.setRequests(quantities(r.getRequests(), cf.resources().requestCpu(), cf.resources().requestMemory()));
            r.setLimits(quantities(r.getLimits(), cf.resources().limitCpu(), cf.resources().limitMemory()));
            c.setResources(r);
        }
        c.setLivenessProbe(probe(cf.livenessProbe(), c.getLivenessProbe()));
        c.setReadinessProbe(probe(cf.readinessProbe(), c.getReadinessProbe()));
        c.setStartupProbe(probe(cf.startupProbe(), c.getStartupProbe()));
        if (cf.volumeMounts() != null) {
            c.setVolumeMounts(cf.volumeMounts().isEmpty() ? null : cf.volumeMounts().stream()
                    .map(m -> new VolumeMountBuilder().withName(m.name()).withMountPath(m.mountPath())
                            .withReadOnly(Boolean.TRUE.equals(m.readOnly()) ? Boolean.TRUE : null)
                            .withSubPath(m.subPath()).build()).toList());
        }
        return c;
    }

    private static ContainerForm readContainer(Container c) {
        List<WorkloadForm.PortForm> ports = c.getPorts() == null ? List.of() : c.getPorts().stream()
                .map(p -> new WorkloadForm.PortForm(p.getName(), p.getContainerPort(), p.getProtocol())).toList();
        List<EnvForm> env = c.getEnv() == null ? List.of() : c.getEnv().stream().map(e -> {
            if (e.getValueFrom() == null) {
                return new EnvForm(e.getName(), "value", e.getValue(), null, null);
            }
            if (e.getValueFrom().getConfigMapKeyRef() != null) {
                return new EnvForm(e.getName(), "configMap", null, e.getValueFrom().getConfigMapKeyRef().getName(),
                        e.getValueFrom().getConfigMapKeyRef().getKey());
            }
            if (e.getValueFrom().getSecretKeyRef() != null) {
                return new EnvForm(e.getName(), "secret", null, e.getValueFrom().getSecretKeyRef().getName(),
                        e.getValueFrom().getSecretKeyRef().getKey());
            }
            return new EnvForm(e.getName(), OTHER, null, null, null);
        }).toList();
        var r = c.getResources();
        WorkloadForm.ResourcesForm resources = new WorkloadForm.ResourcesForm(
                quantity(r == null ? null : r.getRequests(), "cpu"), quantity(r == null ? null : r.getRequests(), "memory"),
                quantity(r == null ? null : r.getLimits(), "cpu"), quantity(r == null ? null : r.getLimits(), "memory"));
        List<WorkloadForm.MountForm> mounts = c.getVolumeMounts() == null ? List.of() : c.getVolumeMounts().stream()
                .map(m -> new WorkloadForm.MountForm(m.getName(), m.getMountPath(), m.getReadOnly(), m.getSubPath()))
                .toList();
        return new ContainerForm(c.getName(), c.getImage(), c.getCommand(), c.getArgs(), ports, env, resources,
                readProbe(c.getLivenessProbe()), readProbe(c.getReadinessProbe()), readProbe(c.getStartupProbe()), mounts);
    }

    private static EnvVar envVar(EnvForm ef) {
        return switch (ef.source() == null ? "value" : ef.source()) {
            case "configMap" -> new EnvVarBuilder().withName(ef.name()).withNewValueFrom().withNewConfigMapKeyRef()
                    .withName(ef.refName()).withKey(ef.refKey()).endConfigMapKeyRef().endValueFrom().build();
            case "secret" -> new EnvVarBuilder().withName(ef.name()).withNewValueFrom().withNewSecretKeyRef()
                    .withName(ef.refName()).withKey(ef.refKey()).endSecretKeyRef().endValueFrom().build();
            default -> new EnvVarBuilder().withName(ef.name()).withValue(ef.value()).build();
        };
    }

    private static Probe probe(ProbeForm pf, Probe current) {
        if (pf == null) {
            return null;
        }
        if (OTHER.equals(pf.type())) {
            return current;
        }
        ProbeBuilder b = new ProbeBuilder().withInitialDelaySeconds(pf.initialDelaySeconds())
                .withPeriodSeconds(pf.periodSeconds()).withTimeoutSeconds(pf.timeoutSeconds())
                .withFailureThreshold(pf.failureThreshold());
        return switch (pf.type()) {
            case "http" -> b.withNewHttpGet().withPath(pf.path() == null ? "/" : pf.path())
                    .withPort(new IntOrString(pf.port())).endHttpGet().build();
            case "tcp" -> b.withNewTcpSocket().withPort(new IntOrString(pf.port())).endTcpSocket().build();
            default -> b.withNewExec().withCommand(pf.command()).endExec().build();
        };
    }

    private static ProbeForm readProbe(Probe p) {
        if (p == null) {
            return null;
        }
        boolean namedPort = p.getHttpGet() != null && p.getHttpGet().getPort() != null
                && p.getHttpGet().getPort().getIntVal() == null
                || p.getTcpSocket() != null && p.getTcpSocket().getPort() != null
                && p.getTcpSocket().getPort().getIntVal() == null;
        // a probe on a named port is kept as it is (the form edits numeric ports only)
        String type = namedPort ? OTHER : p.getHttpGet() != null ? "http" : p.getTcpSocket() != null ? "tcp"
                : p.getExec() != null ? "exec" : OTHER;
        Integer port = p.getHttpGet() != null ? p.getHttpGet().getPort().getIntVal()
                : p.getTcpSocket() != null ? p.getTcpSocket().getPort().getIntVal() : null;
        return new ProbeForm(type, p.getHttpGet() == null ? null : p.getHttpGet().getPath(), port,
                p.getExec() == null ? null : p.getExec().getCommand(), p.getInitialDelaySeconds(), p.getPeriodSeconds(),
                p.getTimeoutSeconds(), p.getFailureThreshold());
    }

    private static Volume volume(WorkloadForm.VolumeForm vf) {
        VolumeBuilder b = new VolumeBuilder().withName(vf.name());
        return switch (vf.type()) {
            case "configMap" -> b.withNewConfigMap().withName(vf.source()).endConfigMap().build();
            case "secret" -> b.withNewSecret().withSecretName(vf.source()).endSecret().build();
            case "pvc" -> b.withNewPersistentVolumeClaim().withClaimName(vf.source()).endPersistentVolumeClaim().build();
            default -> b.withNewEmptyDir().endEmptyDir().build();
        };
    }

    private static io.fabric8.kubernetes.api.model.Affinity withoutNodeAffinity(PodSpec spec) {
        spec.getAffinity().setNodeAffinity(null);
        var a = spec.getAffinity();
        return a.getPodAffinity() == null && a.getPodAntiAffinity() == null ? null : a;
    }

    private static Map<String, Quantity> quantities(Map<String, Quantity> current, String cpu, String memory) {
        Map<String, Quantity> out = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
        put(out, "cpu", cpu);
        put(out, "memory", memory);
        return out.isEmpty() ? null : out;
    }

    private static void put(Map<String, Quantity> out, String key, String value) {
        if (value == null || value.isBlank()) {
            out.remove(key);
        } else {
            out.put(key, new Quantity(value));
        }
    }

    private static String quantity(Map<String, Quantity> m, String key) {
        return m == null || m.get(key) == null ? null : m.get(key).toString();
    }

    private static IntOrString intOrString(String value, String fallback) {
        String v = value == null || value.isBlank() ? fallback : value.strip();
        return v.endsWith("%") ? new IntOrString(v) : new IntOrString(Integer.parseInt(v));
    }

    private static PodTemplateSpec template(HasMetadata w) {
        return switch (w) {
            case Deployment d -> d.getSpec().getTemplate();
            case StatefulSet s -> s.getSpec().getTemplate();
            case DaemonSet d -> d.getSpec().getTemplate();
            default -> throw new IllegalArgumentException(w.getKind() + " has no form; use YAML");
        };
    }

    private static WorkloadKind kindOf(HasMetadata w) {
        return switch (w) {
            case Deployment d -> WorkloadKind.DEPLOYMENTS;
            case StatefulSet s -> WorkloadKind.STATEFULSETS;
            case DaemonSet d -> WorkloadKind.DAEMONSETS;
            default -> throw new IllegalArgumentException(w.getKind() + " has no form; use YAML");
        };
    }

    private static Integer replicas(HasMetadata w) {
        return switch (w) {
            case Deployment d -> d.getSpec().getReplicas();
            case StatefulSet s -> s.getSpec().getReplicas();
            default -> null;
        };
    }

    private static WorkloadForm.StrategyForm strategy(HasMetadata w) {
        return switch (w) {
            case Deployment d -> d.getSpec().getStrategy() == null ? null : new WorkloadForm.StrategyForm(
                    d.getSpec().getStrategy().getType(),
                    d.getSpec().getStrategy().getRollingUpdate() == null ? null
                            : text(d.getSpec().getStrategy().getRollingUpdate().getMaxSurge()),
                    d.getSpec().getStrategy().getRollingUpdate() == null ? null
                            : text(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable()));
            case StatefulSet s -> s.getSpec().getUpdateStrategy() == null ? null
                    : new WorkloadForm.StrategyForm(s.getSpec().getUpdateStrategy().getType(), null, null);
            case DaemonSet d -> d.getSpec().getUpdateStrategy() == null ? null
                    : new WorkloadForm.StrategyForm(d.getSpec().getUpdateStrategy().getType(), null,
                            d.getSpec().getUpdateStrategy().getRollingUpdate() == null ? null
                                    : text(d.getSpec().getUpdateStrategy().getRollingUpdate().getMaxUnavailable()));
            default -> null;
        };
    }

    private static String text(IntOrString v) {
        return v == null ? null : v.getStrVal() != null ? v.getStrVal() : String.valueOf(v.getIntVal());
    }
}
