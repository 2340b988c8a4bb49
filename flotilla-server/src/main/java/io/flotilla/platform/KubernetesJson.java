package io.flotilla.platform;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Kubernetes objects go in and out through fabric8's own (Jackson 2) serialisation, unchanged;
 * Boot's Jackson 3 would mangle Quantity and IntOrString. Platform records stay on Jackson 3.
 */
@Configuration(proxyBeanMethods = false)
public class KubernetesJson {

    @Bean
    KubernetesSerialization kubernetesSerialization() {
        return new KubernetesSerialization();
    }

    @Bean
    KubernetesConverter kubernetesConverter(KubernetesSerialization serialization) {
        return new KubernetesConverter(serialization);
    }

    /** Reads and writes fabric8 model types (including {@code GenericKubernetesResource} and lists) as JSON. */
    public static final class KubernetesConverter extends AbstractHttpMessageConverter<KubernetesResource> {

        private final KubernetesSerialization serialization;

        KubernetesConverter(KubernetesSerialization serialization) {
            super(StandardCharsets.UTF_8, MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
            this.serialization = serialization;
        }

        @Override
        protected boolean supports(Class<?> clazz) {
            return KubernetesResource.class.isAssignableFrom(clazz);
        }

        @Override
        protected KubernetesResource readInternal(Class<? extends KubernetesResource> clazz, HttpInputMessage input)
                throws IOException {
            try (InputStream body = input.getBody()) {
                return serialization.unmarshal(body, clazz);
            } catch (RuntimeException e) {
                throw new HttpMessageNotReadableException("not a valid Kubernetes object: " + e.getMessage(), e, input);
            }
        }

        @Override
        protected void writeInternal(KubernetesResource resource, HttpOutputMessage output) throws IOException {
            output.getBody().write(serialization.asJson(resource).getBytes(StandardCharsets.UTF_8));
        }
    }
}
