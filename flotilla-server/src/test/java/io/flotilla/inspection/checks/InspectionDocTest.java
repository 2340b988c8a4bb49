package io.flotilla.inspection.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/inspection.md lists every check of the catalogue, with its severity. */
class InspectionDocTest {

    @Test
    void docListsEveryCheckIdWithItsSeverity() throws IOException {
        Path doc = Path.of("../docs/inspection.md");
        if (!Files.exists(doc)) {
            doc = Path.of("docs/inspection.md");
        }
        String text = Files.readString(doc);
        for (Check c : Catalogue.builtIn().checks()) {
            assertThat(text).as(c.id()).contains("| " + c.id() + " | " + c.severity().label() + " | " + c.title());
        }
    }
}
