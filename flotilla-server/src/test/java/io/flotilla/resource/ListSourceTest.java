package io.flotilla.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.platform.ApiException;
import io.flotilla.search.SyncStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListSourceTest {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true, List.of("list"), List.of("po"));
    private static final ResourceType SECRETS = new ResourceType("", "v1", "secrets", "Secret", true, List.of("list"),
            List.of());
    private static final ResourceType DEPLOYMENTS = new ResourceType("apps", "v1", "deployments", "Deployment", true,
            List.of("list"), List.of("deploy"));

    private static SyncStatus.Resource resource(String group, String version, String plural, boolean listed,
            String error) {
        return new SyncStatus.Resource(group, version, plural, "X", listed, 10, 10, "42", Instant.EPOCH, 5L, error);
    }

    private static SyncStatus status(String phase, String holder, SyncStatus.Resource... resources) {
        return new SyncStatus("c1", phase, null, Instant.EPOCH, holder, 10, Instant.EPOCH, 5L,
                new SyncStatus.Progress(resources.length, resources.length, 10), List.of(resources));
    }

    private static final SyncStatus SYNCED = status("Synced", "replica-1", resource("", "v1", "pods", true, null),
            resource("", "v1", "secrets", true, null), resource("apps", "v1beta1", "deployments", true, null));

    @Test
    void aPagedListOfAKindTheIndexHoldsCurrentIsReadFromTheIndex() {
        assertThat(ListSource.choose(ListSource.Mode.AUTO, PODS, 200, null, SYNCED).fromIndex()).isTrue();
    }

    @Test
    void unpagedListsSecretsAndSourceClusterReadTheCluster() {
        assertThat(ListSource.choose(ListSource.Mode.AUTO, PODS, null, null, SYNCED).reason()).contains("unpaged");
        assertThat(ListSource.choose(ListSource.Mode.AUTO, SECRETS, 200, null, SYNCED).reason()).contains("Secrets");
        assertThat(ListSource.choose(ListSource.Mode.CLUSTER, PODS, 200, null, SYNCED).fromIndex()).isFalse();
    }

    @Test
    void anIndexThatIsNotCurrentForTheKindSendsTheListToTheCluster() {
        assertThat(ListSource.choose(ListSource.Mode.AUTO, PODS, 200, null, null).reason()).contains("does not know");
        assertThat(ListSource.choose(ListSource.Mode.AUTO, PODS, 200, null,
                status("Stale", "replica-1", resource("", "v1", "pods", true, null))).reason()).contains("Stale");
        assertThat(ListSource.choose(ListSource.Mode.AUTO, PODS, 200, null,
                status("Synced", null, resource("", "v1", "pods", true, null))).fromIndex()).isFalse();
        assertThat(ListSource.choose(ListSource.Mode.AUTO, PODS, 200, null,
                status("Synced", "r", resource("", "v1", "pods", false, null))).reason()).contains("still listing");
        assertThat(ListSource.choose(ListSource.Mode.AUTO, PODS, 200, null,
                status("Synced", "r", resource("", "v1", "pods", true, "403 forbidden"))).reason()).contains("403");
        assertThat(ListSource.choose(ListSource.Mode.AUTO, DEPLOYMENTS, 200, null, SYNCED).reason())
                .contains("version v1beta1");
        assertThat(ListSource.choose(ListSource.Mode.AUTO, new ResourceType("x.io", "v1", "widgets", "Widget", true,
                List.of(), List.of()), 200, null, SYNCED).reason()).contains("does not sync widgets.x.io");
    }

    @Test
    void aContinueTokenStaysWithTheSourceThatIssuedIt() {
        assertThat(ListSource.choose(ListSource.Mode.AUTO, PODS, 200, ListSource.INDEX_TOKEN + "abc", null).fromIndex())
                .isTrue();
        assertThat(ListSource.choose(ListSource.Mode.AUTO, PODS, 200, "eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ", SYNCED)
                .fromIndex()).isFalse();
        assertThatThrownBy(() -> ListSource.choose(ListSource.Mode.CLUSTER, PODS, 200, ListSource.INDEX_TOKEN + "abc",
                SYNCED)).isInstanceOf(ApiException.class).hasMessageContaining("search index");
    }

    @Test
    void sourceIndexIsRefusedWhenTheIndexCannotAnswerAndUnknownSourcesAreBadRequests() {
        assertThatThrownBy(() -> ListSource.choose(ListSource.Mode.INDEX, SECRETS, 200, null, SYNCED))
                .isInstanceOf(ApiException.class).hasMessageContaining("source=index cannot be served");
        assertThatThrownBy(() -> ListSource.mode("etcd")).isInstanceOf(ApiException.class);
        assertThat(ListSource.mode(null)).isEqualTo(ListSource.Mode.AUTO);
        assertThat(ListSource.mode(" Index ")).isEqualTo(ListSource.Mode.INDEX);
    }
}
