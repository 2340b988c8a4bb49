package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.platform.ApiException;
import org.junit.jupiter.api.Test;

class PediaPathTest {

    private static final String P = PediaPath.PREFIX;

    @Test
    void parsesDiscoveryListsAndObjectsForAllClustersAndOne() {
        assertThat(PediaPath.parse(P + "/api").target()).isEqualTo(new PediaPath.CoreVersions());
        assertThat(PediaPath.parse(P + "/apis").target()).isEqualTo(new PediaPath.Groups());
        assertThat(PediaPath.parse(P + "/apis/apps").target()).isEqualTo(new PediaPath.Group("apps"));
        assertThat(PediaPath.parse(P + "/api/v1").target()).isEqualTo(new PediaPath.Resources("", "v1"));
        assertThat(PediaPath.parse(P + "/api/v1/pods"))
                .isEqualTo(new PediaPath(null, new PediaPath.Collection("", "v1", "pods", null)));
        assertThat(PediaPath.parse(P + "/clusters/east/apis/apps/v1/namespaces/shop/deployments/web"))
                .isEqualTo(new PediaPath("east", new PediaPath.Item("apps", "v1", "deployments", "shop", "web")));
        assertThat(PediaPath.parse(P + "/api/v1/namespaces").target())
                .isEqualTo(new PediaPath.Collection("", "v1", "namespaces", null));
        assertThat(PediaPath.parse(P + "/api/v1/namespaces/shop").target())
                .isEqualTo(new PediaPath.Item("", "v1", "namespaces", null, "shop"));
        assertThat(PediaPath.parse(P + "/api/v1/namespaces/shop/pods").target())
                .isEqualTo(new PediaPath.Collection("", "v1", "pods", "shop"));
    }

    @Test
    void answersNotFoundForSubresourcesAndForeignPaths() {
        assertThatThrownBy(() -> PediaPath.parse(P + "/api/v1/namespaces/shop/pods/web/log"))
                .isInstanceOf(ApiException.class).hasMessageContaining("subresources");
        assertThatThrownBy(() -> PediaPath.parse(P + "/nothing")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PediaPath.parse(P + "/api/v1/namespaces/a%00b/pods"))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(400));
    }
}
