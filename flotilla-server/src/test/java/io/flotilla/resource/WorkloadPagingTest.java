package io.flotilla.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.platform.ContinueToken;
import io.flotilla.platform.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadPagingTest {

    private static WorkloadSummary w(String ns, String kind, String name) {
        return new WorkloadSummary(kind, ns, name, List.of(), 1, 1, 1, 1, "Running", Map.of(), Map.of(), null);
    }

    private static final List<WorkloadSummary> SORTED = List.of(w("a", "Deployment", "api"), w("a", "Deployment", "web"),
            w("a", "StatefulSet", "web"), w("b", "Deployment", "Web-2"), w("b", "Job", "batch"));

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        Page<WorkloadSummary> first = WorkloadService.page(SORTED, null, null, 2);
        assertThat(first.items()).extracting(WorkloadSummary::name).containsExactly("api", "web");
        Page<WorkloadSummary> second = WorkloadService.page(SORTED, null, ContinueToken.decode(first.continueToken()), 2);
        assertThat(second.items()).extracting(WorkloadSummary::kind).containsExactly("StatefulSet", "Deployment");
        Page<WorkloadSummary> third = WorkloadService.page(SORTED, null, ContinueToken.decode(second.continueToken()), 2);
        assertThat(third.items()).extracting(WorkloadSummary::name).containsExactly("batch");
        assertThat(third.continueToken()).isNull();
    }

    @Test
    void theNameFilterIsCaseInsensitiveAndAppliesBeforePaging() {
        Page<WorkloadSummary> page = WorkloadService.page(SORTED, "WEB", null, 2);
        assertThat(page.items()).extracting(WorkloadSummary::name).containsExactly("web", "web");
        assertThat(WorkloadService.page(SORTED, "WEB", ContinueToken.decode(page.continueToken()), 2).items())
                .extracting(WorkloadSummary::name).containsExactly("Web-2");
    }

    @Test
    void anExactlyFullLastPageHasNoContinueToken() {
        assertThat(WorkloadService.page(SORTED, null, null, 5).continueToken()).isNull();
    }
}
