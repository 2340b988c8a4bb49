package io.flotilla.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.platform.ApiException;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void acceptsKubernetesQuantities() {
        for (String q : new String[] {"500m", "2", "1.5Gi", "128Mi", "1e3", "0", ".5"}) {
            assertThat(Quantities.isValid(q)).as(q).isTrue();
        }
    }

    @Test
    void refusesWhatIsNotAQuantity() {
        for (String q : new String[] {"", "1 Gi", "ten", "1GB", "--1"}) {
            assertThat(Quantities.isValid(q)).as(q).isFalse();
        }
        assertThat(Quantities.isNegative("-1")).isTrue();
    }

    @Test
    void parsesTaintsAndRefusesUnknownEffects() {
        assertThat(NodeService.taint("dedicated=gpu:NoSchedule").getValue()).isEqualTo("gpu");
        assertThat(NodeService.taint("spot:PreferNoSchedule").getValue()).isNull();
        assertThatThrownBy(() -> NodeService.taint("a=b:Never")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> NodeService.taint("novalue")).isInstanceOf(ApiException.class);
    }
}
