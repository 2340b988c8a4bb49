package io.flotilla.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListableTest {

    @Test
    void unrestrictedAndEmptyBecomeConstantConditions() {
        assertThat(Listable.everything().toSql("cluster", "namespace", "p").sql()).isEqualTo("true");
        assertThat(Listable.nothing().toSql("cluster", "namespace", "p").sql()).isEqualTo("false");
    }

    @Test
    void wholeClustersAndSingleNamespacesBecomeOneCondition() {
        Listable l = new Listable(false, Set.of("c2"), Map.of("c1", Set.of("b", "a")));
        Listable.SqlFilter f = l.toSql("r.cluster", "r.namespace", "v");
        assertThat(f.sql()).isEqualTo("(r.cluster = ANY(:v_c) OR (r.cluster = :v_nc0 AND r.namespace = ANY(:v_nn0)))");
        assertThat((String[]) f.params().get("v_c")).containsExactly("c2");
        assertThat(f.params().get("v_nc0")).isEqualTo("c1");
        assertThat((String[]) f.params().get("v_nn0")).containsExactly("a", "b");
        assertThat(l.allows("c1", "a")).isTrue();
        assertThat(l.allows("c1", "z")).isFalse();
        assertThat(l.allows("c2", "anything")).isTrue();
    }
}
