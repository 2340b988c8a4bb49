package io.flotilla.inspection;

import io.flotilla.inspection.checks.Catalogue;
import io.flotilla.inspection.checks.Evaluator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue and evaluator, built once per server. */
@Configuration(proxyBeanMethods = false)
class InspectionBeans {

    @Bean
    Catalogue inspectionCatalogue() {
        return Catalogue.builtIn();
    }

    @Bean
    Evaluator inspectionEvaluator(Catalogue catalogue) {
        return new Evaluator(catalogue);
    }
}
