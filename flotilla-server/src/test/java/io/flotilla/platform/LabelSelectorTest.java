package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

    private final Map<String, String> east = Map.of("region", "east", "provider", "aws", "tier", "prod");

    @Test
    void matchesEqualityAndInequality() {
        assertThat(LabelSelector.parse("region=east").matches(east)).isTrue();
        assertThat(LabelSelector.parse("region==east,provider=aws").matches(east)).isTrue();
        assertThat(LabelSelector.parse("region!=east").matches(east)).isFalse();
        assertThat(LabelSelector.parse("zone!=a").matches(east)).isTrue();
    }

    @Test
    void matchesSetOperators() {
        assertThat(LabelSelector.parse("provider in (aws, gcp)").matches(east)).isTrue();
        assertThat(LabelSelector.parse("provider notin (aws,gcp)").matches(east)).isFalse();
        assertThat(LabelSelector.parse("zone notin (a)").matches(east)).isTrue();
    }

    @Test
    void matchesExistence() {
        assertThat(LabelSelector.parse("tier").matches(east)).isTrue();
        assertThat(LabelSelector.parse("!tier").matches(east)).isFalse();
        assertThat(LabelSelector.parse("!zone,region in (east)").matches(east)).isTrue();
    }

    @Test
    void blankSelectsEverything() {
        assertThat(LabelSelector.parse(" ").isEmpty()).isTrue();
        assertThat(LabelSelector.parse(null).matches(Map.of())).isTrue();
    }

    @Test
    void refusesMalformedSelectorsNamingTheClause() {
        assertThatThrownBy(() -> LabelSelector.parse("region in east")).hasMessageContaining("parentheses");
        assertThatThrownBy(() -> LabelSelector.parse("bad key=x")).hasMessageContaining("'bad key' is not a valid label key");
        assertThatThrownBy(() -> LabelSelector.parse("region east")).hasMessageContaining("is not a selector clause");
        assertThatThrownBy(() -> LabelSelector.parse("a=(b")).hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> LabelSelector.parse("a=b,,c")).hasMessageContaining("empty clause");
        assertThatThrownBy(() -> LabelSelector.parse("-x=1")).hasMessageContaining("not a valid label key");
    }

    @Test
    void validatesKeysAndValues() {
        assertThat(LabelSelector.isValidKey("topology.kubernetes.io/zone")).isTrue();
        assertThat(LabelSelector.isValidKey("a".repeat(64))).isFalse();
        assertThat(LabelSelector.isValidValue("")).isTrue();
        assertThat(LabelSelector.isValidValue("us-east-1")).isTrue();
        assertThat(LabelSelector.isValidValue("bad value")).isFalse();
    }
}
