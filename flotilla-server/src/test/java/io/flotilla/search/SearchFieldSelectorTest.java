package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.search.SearchFieldSelector.Operator;
import io.flotilla.search.SearchFieldSelector.Requirement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchFieldSelectorTest {

    @Test
    void parsesPathsOperatorsAndBracketKeys() {
        assertThat(SearchFieldSelector.parse("status.phase=Running,spec.nodeName!=n1,"
                + "metadata.annotations['a.b/c']==x,.status.phase in (Pending, Failed),metadata.labels[\"k\"] notin (v)"))
                .containsExactly(
                        new Requirement(List.of("status", "phase"), Operator.EQUALS, List.of("Running")),
                        new Requirement(List.of("spec", "nodeName"), Operator.NOT_EQUALS, List.of("n1")),
                        new Requirement(List.of("metadata", "annotations", "a.b/c"), Operator.EQUALS, List.of("x")),
                        new Requirement(List.of("status", "phase"), Operator.IN, List.of("Pending", "Failed")),
                        new Requirement(List.of("metadata", "labels", "k"), Operator.NOT_IN, List.of("v")));
    }

    @Test
    void keepsHostileTextAsDataInsideTheValue() {
        assertThat(SearchFieldSelector.parse("metadata.annotations['x'' OR 1=1 --']=y'; DROP TABLE t"))
                .singleElement().satisfies(r -> {
                    assertThat(r.path()).containsExactly("metadata", "annotations", "x'' OR 1=1 --");
                    assertThat(r.values()).containsExactly("y'; DROP TABLE t");
                });
    }

    @Test
    void unescapesCommasInValues() {
        assertThat(SearchFieldSelector.parse("metadata.annotations['n']=a\\,b").getFirst().values())
                .containsExactly("a,b");
    }

    @Test
    void rejectsClausesWithoutAnOperatorOrPath() {
        for (String bad : List.of("status.phase", "=Running", "status..phase=x", "a in b", "x=\u0000")) {
            assertThatThrownBy(() -> SearchFieldSelector.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
