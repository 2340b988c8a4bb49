package io.flotilla.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectDiffTest {

    @Test
    void listsChangedAddedAndRemovedPaths() {
        Map<String, Object> live = Map.of("spec", Map.of("replicas", 2, "template", Map.of("spec", Map.of(
                "containers", List.of(Map.of("name", "web", "image", "nginx:1.25"))))), "data", Map.of("a", "1"));
        Map<String, Object> next = Map.of("spec", Map.of("replicas", 3, "template", Map.of("spec", Map.of(
                "containers", List.of(Map.of("name", "web", "image", "nginx:1.26"))))), "data", Map.of("b", "2"));
        assertThat(ObjectDiff.paths(live, next)).containsExactly("data.a", "data.b", "spec.replicas",
                "spec.template.spec.containers[0].image");
    }

    @Test
    void ignoresServerBookkeepingAndStatus() {
        Map<String, Object> live = Map.of("metadata", Map.of("name", "x", "resourceVersion", "1", "generation", 1),
                "status", Map.of("replicas", 1));
        Map<String, Object> next = Map.of("metadata", Map.of("name", "x", "resourceVersion", "2", "generation", 2),
                "status", Map.of("replicas", 2));
        assertThat(ObjectDiff.paths(live, next)).isEmpty();
    }

    @Test
    void numbersOfDifferentTypesWithTheSameValueAreEqual() {
        assertThat(ObjectDiff.paths(Map.of("n", 1), Map.of("n", 1L))).isEmpty();
    }
}
