package io.flotilla.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.flotilla.platform.ApiException.FieldError;
import io.flotilla.resource.WorkloadForm.ContainerForm;
import io.flotilla.resource.WorkloadForm.EnvForm;
import io.flotilla.resource.WorkloadForm.MountForm;
import io.flotilla.resource.WorkloadForm.PortForm;
import io.flotilla.resource.WorkloadForm.ProbeForm;
import io.flotilla.resource.WorkloadForm.ResourcesForm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadFormsTest {

    private static ContainerForm web(String image) {
        return new ContainerForm("web", image, null, List.of("--port=8080"), List.of(new PortForm("http", 8080, null)),
                List.of(new EnvForm("MODE", "value", "prod", null, null),
                        new EnvForm("DB_PASSWORD", "secret", null, "db", "password")),
                new ResourcesForm("250m", "128Mi", "1", "256Mi"),
                new ProbeForm("http", "/healthz", 8080, null, 5, 10, null, null),
                new ProbeForm("tcp", null, 8080, null, null, null, null, null), null,
                List.of(new MountForm("config", "/etc/web", true, null)));
    }

    private static WorkloadForm form(String image) {
        return new WorkloadForm("deployments", "web", "shop", 3, Map.of("tier", "front"), null, List.of(web(image)),
                List.of(new WorkloadForm.VolumeForm("config", "configMap", "web-config")),
                new WorkloadForm.StrategyForm("RollingUpdate", "1", "0"), Map.of("kubernetes.io/arch", "amd64"),
                List.of(new WorkloadForm.TolerationForm("dedicated", "Equal", "web", "NoSchedule")),
                List.of(new WorkloadForm.NodeAffinityForm("topology.kubernetes.io/zone", List.of("a", "b"))),
                new WorkloadForm.ServiceForm("NodePort", List.of(new WorkloadForm.ServicePortForm("http", 80, 8080,
                        30080, null))));
    }

    @Test
    void formBecomesADeploymentWithEveryField() {
        Deployment d = (Deployment) WorkloadForms.apply(form("nginx:1.27"), null);
        assertThat(d.getSpec().getReplicas()).isEqualTo(3);
        assertThat(d.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "web");
        Container c = d.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(c.getImage()).isEqualTo("nginx:1.27");
        assertThat(c.getResources().getRequests().get("cpu").toString()).isEqualTo("250m");
        assertThat(c.getEnv().get(1).getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
        assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(c.getReadinessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(8080);
        assertThat(c.getVolumeMounts().getFirst().getReadOnly()).isTrue();
        assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isEqualTo(1);
        assertThat(d.getSpec().getTemplate().getSpec().getTolerations()).hasSize(1);
        assertThat(d.getSpec().getTemplate().getSpec().getAffinity().getNodeAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms().getFirst()
                .getMatchExpressions().getFirst().getValues()).containsExactly("a", "b");
        assertThat(WorkloadForms.service(form("x:1")).getSpec().getPorts().getFirst().getNodePort()).isEqualTo(30080);
    }

    @Test
    void readingAndReapplyingKeepsWhatTheFormDoesNotModel() {
        Deployment live = (Deployment) WorkloadForms.apply(form("nginx:1.27"), null);
        var spec = live.getSpec().getTemplate().getSpec();
        Container c = spec.getContainers().getFirst();
        c.setSecurityContext(new SecurityContextBuilder().withRunAsNonRoot(true).build());
        c.getEnv().add(new EnvVarBuilder().withName("POD_IP").withNewValueFrom().withNewFieldRef()
                .withFieldPath("status.podIP").endFieldRef().endValueFrom().build());
        spec.setInitContainers(List.of(new Container()));
        spec.getInitContainers().getFirst().setName("init");
        spec.getVolumes().add(new VolumeBuilder().withName("host").withNewHostPath("/var/log", null).build());
        live.getMetadata().setAnnotations(new HashMap<>(Map.of("deployment.kubernetes.io/revision", "4")));

        WorkloadForm read = WorkloadForms.read(live);
        assertThat(read.containers().getFirst().env().get(2).source()).isEqualTo(WorkloadForms.OTHER);
        assertThat(read.volumes().get(1).type()).isEqualTo(WorkloadForms.OTHER);

        WorkloadForm edited = new WorkloadForm(read.kind(), read.name(), read.namespace(), 5, read.labels(),
                Map.of("team", "shop"), List.of(new ContainerForm("web", "nginx:1.28", read.containers().getFirst().command(),
                        read.containers().getFirst().args(), read.containers().getFirst().ports(),
                        read.containers().getFirst().env(), read.containers().getFirst().resources(),
                        read.containers().getFirst().livenessProbe(), read.containers().getFirst().readinessProbe(),
                        null, read.containers().getFirst().volumeMounts())),
                read.volumes(), read.strategy(), read.nodeSelector(), read.tolerations(), read.requiredNodeAffinity(),
                null);
        Deployment after = (Deployment) WorkloadForms.apply(edited, live);
        Container ac = after.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(ac.getImage()).isEqualTo("nginx:1.28");
        assertThat(after.getSpec().getReplicas()).isEqualTo(5);
        assertThat(ac.getSecurityContext().getRunAsNonRoot()).as("unknown container field kept").isTrue();
        assertThat(ac.getEnv().get(2).getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
        assertThat(after.getSpec().getTemplate().getSpec().getInitContainers()).hasSize(1);
        assertThat(after.getSpec().getTemplate().getSpec().getVolumes().get(1).getHostPath().getPath())
                .isEqualTo("/var/log");
        assertThat(after.getMetadata().getAnnotations()).containsEntry("team", "shop")
                .containsEntry("deployment.kubernetes.io/revision", "4");
    }

    @Test
    void formOfAnObjectRoundTripsToTheSameForm() {
        Deployment d = (Deployment) WorkloadForms.apply(form("nginx:1.27"), null);
        WorkloadForm read = WorkloadForms.read(d);
        Deployment again = (Deployment) WorkloadForms.apply(read, null);
        assertThat(WorkloadForms.read(again)).isEqualTo(read);
    }

    @Test
    void validatorNamesEveryBadField() {
        ContainerForm bad = new ContainerForm("Web", " ", null, null, List.of(new PortForm(null, 70000, null)), null,
                new ResourcesForm("lots", null, null, null), new ProbeForm("exec", null, null, null, null, null, null, null),
                null, null, List.of(new MountForm("missing", "relative/path", null, null)));
        WorkloadForm f = new WorkloadForm("deployments", "web", "shop", -1, null, null, List.of(bad), List.of(),
                new WorkloadForm.StrategyForm("Sometimes", "x", null), null, null, null,
                new WorkloadForm.ServiceForm("NodePort", List.of(new WorkloadForm.ServicePortForm(null, 80, null, 80, null))));
        assertThat(WorkloadFormValidator.validate(f)).extracting(FieldError::field).contains("replicas",
                "containers[0].name", "containers[0].image", "containers[0].ports[0].containerPort",
                "containers[0].resources.requestCpu", "containers[0].livenessProbe.command",
                "containers[0].volumeMounts[0].name", "containers[0].volumeMounts[0].mountPath", "strategy.type",
                "strategy.maxSurge", "service.ports[0].nodePort");
        assertThat(WorkloadFormValidator.validate(form("nginx:1.27"))).isEmpty();
    }

    @Test
    void validatorChecksProbeTimingsAndHttpPaths() {
        ProbeForm probe = new ProbeForm("http", "healthz", 8080, null, -1, 0, 0, 0);
        ContainerForm c = new ContainerForm("web", "nginx:1.27", null, null, null, null, null, null, probe, null, null);
        WorkloadForm f = new WorkloadForm("deployments", "web", "shop", 1, null, null, List.of(c), List.of(), null, null,
                null, null, null);
        assertThat(WorkloadFormValidator.validate(f)).extracting(FieldError::field).containsExactlyInAnyOrder(
                "containers[0].readinessProbe.path", "containers[0].readinessProbe.initialDelaySeconds",
                "containers[0].readinessProbe.periodSeconds", "containers[0].readinessProbe.timeoutSeconds",
                "containers[0].readinessProbe.failureThreshold");
    }

    @Test
    void aProbeOnANamedPortIsReadAsOtherAndKeptWhenReapplied() {
        Deployment d = (Deployment) WorkloadForms.apply(form("nginx:1.27"), null);
        d.getSpec().getTemplate().getSpec().getContainers().get(0).setLivenessProbe(new io.fabric8.kubernetes.api.model
                .ProbeBuilder().withNewHttpGet().withPath("/live").withNewPort("http").endHttpGet().build());
        WorkloadForm read = WorkloadForms.read(d);
        assertThat(read.containers().get(0).livenessProbe().type()).isEqualTo(WorkloadForms.OTHER);
        assertThat(WorkloadFormValidator.validate(read)).isEmpty();
        Deployment again = (Deployment) WorkloadForms.apply(read, d);
        assertThat(again.getSpec().getTemplate().getSpec().getContainers().get(0).getLivenessProbe().getHttpGet()
                .getPort().getStrVal()).isEqualTo("http");
    }
}
