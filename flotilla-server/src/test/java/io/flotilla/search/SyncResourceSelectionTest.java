package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.search.SyncResourceSelection.Discovered;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyncResourceSelectionTest {

    private static final Set<String> ALL = Set.of("get", "list", "watch", "create");

    private static final List<Discovered> DISCOVERY = List.of(
            new Discovered("", "v1", "pods", "Pod", true, ALL, true),
            new Discovered("", "v1", "pods/log", "Pod", true, Set.of("get"), true),
            new Discovered("", "v1", "bindings", "Binding", true, Set.of("create"), true),
            new Discovered("", "v1", "secrets", "Secret", true, ALL, true),
            new Discovered("apps", "v1", "deployments", "Deployment", true, ALL, true),
            new Discovered("apps", "v1", "replicasets", "ReplicaSet", true, ALL, true),
            new Discovered("autoscaling", "v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, ALL,
                    false),
            new Discovered("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, ALL,
                    true),
            new Discovered("example.com", "v1beta1", "widgets", "Widget", true, ALL, false),
            new Discovered("example.com", "v1", "gadgets", "Gadget", false, ALL, true));

    private static List<String> select(List<String> patterns, boolean allCustom) {
        return SyncResourceSelection.select(SyncResourceSelection.parse(patterns), allCustom,
                Set.of("widgets.example.com", "gadgets.example.com"), DISCOVERY).stream()
                .map(t -> t.groupResource() + "@" + t.version()).toList();
    }

    @Test
    void plainNamesAreCoreResourcesAndGroupsNeedTheirPrefix() {
        assertThat(select(List.of("pods", "deployments", "apps/replicasets"), false))
                .containsExactly("pods@v1", "replicasets.apps@v1");
    }

    @Test
    void groupWildcardSelectsEveryListableResourceOfTheGroup() {
        assertThat(select(List.of("apps/*"), false)).containsExactly("deployments.apps@v1", "replicasets.apps@v1");
    }

    @Test
    void prefersTheGroupsPreferredVersion() {
        assertThat(select(List.of("autoscaling/horizontalpodautoscalers"), false))
                .containsExactly("horizontalpodautoscalers.autoscaling@v2");
    }

    @Test
    void skipsSubresourcesAndResourcesThatCannotBeWatched() {
        assertThat(select(List.of("*"), false)).doesNotContain("pods/log@v1", "bindings@v1")
                .contains("pods@v1", "secrets@v1", "widgets.example.com@v1beta1");
    }

    @Test
    void allCustomResourcesAddsEveryCrdResourceEvenInANonPreferredVersion() {
        assertThat(select(List.of("pods"), true))
                .containsExactly("pods@v1", "widgets.example.com@v1beta1", "gadgets.example.com@v1");
    }

    @Test
    void rejectsMalformedEntriesNamingThem() {
        assertThatThrownBy(() -> SyncResourceSelection.parse(List.of("apps/v1/deployments")))
                .hasMessageContaining("'apps/v1/deployments'");
        assertThatThrownBy(() -> SyncResourceSelection.parse(List.of("Pods")))
                .hasMessageContaining("'Pods'");
        assertThatThrownBy(() -> SyncResourceSelection.parse(List.of("apps/")))
                .hasMessageContaining("'apps/'");
    }

    @Test
    void wantsOnlyGroupsSomePatternNames() {
        List<SyncResourceSelection.Pattern> patterns = SyncResourceSelection.parse(List.of("pods", "apps/*"));
        assertThat(SyncResourceSelection.wantsGroup(patterns, "apps")).isTrue();
        assertThat(SyncResourceSelection.wantsGroup(patterns, "")).isTrue();
        assertThat(SyncResourceSelection.wantsGroup(patterns, "batch")).isFalse();
    }
}
