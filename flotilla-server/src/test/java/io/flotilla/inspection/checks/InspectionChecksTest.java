package io.flotilla.inspection.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every check against the clean fixture (must stay silent) and against its own case (must fire).
 * A catalogued check without a case fails {@link #everyCatalogueCheckHasACase()}.
 */
class InspectionChecksTest {

    private static final Catalogue CATALOGUE = Catalogue.builtIn();
    private static final Evaluator EVALUATOR = new Evaluator(CATALOGUE);

    private static List<Finding> evaluate(Fixture f) {
        return EVALUATOR.evaluate(f.snapshot(), Selection.everything()).findings();
    }

    @Test
    void catalogueHoldsAtLeast150DistinctChecks() {
        assertThat(CATALOGUE.size()).isGreaterThanOrEqualTo(150);
        assertThat(CATALOGUE.checks().stream().map(Check::title).distinct().count()).isEqualTo(CATALOGUE.size());
        assertThat(CATALOGUE.checks().stream().map(Check::category).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Category.values());
    }

    @Test
    void everyCheckExplainsItselfAndCitesAReference() {
        for (Check c : CATALOGUE.checks()) {
            assertThat(c.title()).as(c.id()).isNotBlank();
            assertThat(c.rationale()).as(c.id()).hasSizeGreaterThan(20);
            assertThat(c.remediation()).as(c.id()).hasSizeGreaterThan(5);
            assertThat(c.references()).as(c.id()).isNotEmpty();
        }
    }

    @Test
    void cleanClusterTriggersNoCheck() {
        assertThat(evaluate(new Fixture())).isEmpty();
    }

    @Test
    void everyCatalogueCheckHasACase() {
        Set<String> ids = CATALOGUE.checks().stream().map(Check::id).collect(Collectors.toSet());
        assertThat(Cases.ALL.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @TestFactory
    Stream<DynamicTest> eachCheckFiresOnItsCase() {
        return Cases.ALL.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey() + " fires on its case", () -> {
            Fixture f = new Fixture();
            e.getValue().accept(f);
            List<Finding> findings = evaluate(f);
            assertThat(findings).as("findings of the case for " + e.getKey())
                    .anySatisfy(x -> assertThat(x.checkId()).isEqualTo(e.getKey()));
            Fixture clean = new Fixture();
            assertThat(EVALUATOR.evaluate(clean.snapshot(), only(e.getKey())).findings()).isEmpty();
        }));
    }

    @Test
    void disabledChecksAndSeverityOverridesApply() {
        Fixture f = new Fixture();
        Cases.ALL.get("SEC-001").accept(f);
        Selection overridden = new Selection(Set.of(Category.SECURITY), Set.of(), Set.of("SEC-011"),
                Map.of("SEC-001", Severity.INFO));
        Evaluator.Result result = EVALUATOR.evaluate(f.snapshot(), overridden);
        assertThat(result.evaluated()).contains("SEC-001").doesNotContain("SEC-011", "WL-001");
        assertThat(result.findings()).singleElement().satisfies(x -> {
            assertThat(x.checkId()).isEqualTo("SEC-001");
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.object()).isEqualTo(new ObjectRef("Deployment", "shop", "web"));
        });
    }

    private static Selection only(String id) {
        return new Selection(Set.of(), Set.of(id), Set.of(), Map.of());
    }
}
