package io.flotilla.inspection;

import io.flotilla.inspection.InspectionRepository.StoredFinding;
import io.flotilla.inspection.checks.Catalogue;
import io.flotilla.inspection.checks.Category;
import io.flotilla.inspection.checks.Check;
import io.flotilla.inspection.checks.Finding;
import io.flotilla.inspection.checks.ObjectRef;
import io.flotilla.inspection.checks.Score;
import io.flotilla.inspection.checks.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds reports from stored findings, acknowledgements and the previous run. Pure. */
final class Reports {

    static final int TREND_LIMIT = 100;

    private Reports() {}

    static FindingView view(String cluster, StoredFinding f, Catalogue catalogue, Set<String> acknowledged) {
        Check check = catalogue.find(f.checkId()).orElse(null);
        return new FindingView(f.key(), f.checkId(), check == null ? f.checkId() : check.title(), f.category(), f.severity(),
                cluster, f.kind(), f.namespace(), f.name(), f.message(), check == null ? null : check.remediation(),
                "Cluster".equals(f.kind()) ? null : Links.of(cluster, f.kind(), f.namespace(), f.name()),
                acknowledged.contains(f.key()));
    }

    /** The score of stored findings, acknowledged ones excluded. */
    static int score(List<StoredFinding> findings, Set<String> acknowledged) {
        List<Finding> counted = new ArrayList<>();
        for (StoredFinding f : findings) {
            if (!acknowledged.contains(f.key())) {
                counted.add(new Finding(f.checkId(), Category.parse(f.category()), Severity.parse(f.severity()),
                        new ObjectRef(f.kind(), f.namespace(), f.name()), f.message()));
            }
        }
        return Score.of(counted);
    }

    static Report build(InspectionRun run, boolean complete, List<StoredFinding> current, List<StoredFinding> previous,
            InspectionRun previousRun, Set<String> acknowledged, Catalogue catalogue, List<Report.HistoryPoint> history) {
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            bySeverity.put(s.label(), 0);
        }
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            byCategory.put(c.label(), 0);
        }
        int counted = 0;
        int acked = 0;
        for (StoredFinding f : current) {
            if (acknowledged.contains(f.key())) {
                acked++;
                continue;
            }
            counted++;
            bySeverity.merge(f.severity(), 1, Integer::sum);
            byCategory.merge(f.category(), 1, Integer::sum);
        }
        Report.Trend trend = null;
        if (previousRun != null) {
            Set<String> before = new LinkedHashSet<>();
            previous.forEach(f -> before.add(f.key()));
            Set<String> now = new LinkedHashSet<>();
            current.forEach(f -> now.add(f.key()));
            List<FindingView> added = new ArrayList<>();
            int addedCount = 0;
            for (StoredFinding f : current) {
                if (!before.contains(f.key())) {
                    addedCount++;
                    if (added.size() < TREND_LIMIT) {
                        added.add(view(run.cluster(), f, catalogue, acknowledged));
                    }
                }
            }
            List<FindingView> resolved = new ArrayList<>();
            int resolvedCount = 0;
            for (StoredFinding f : previous) {
                if (!now.contains(f.key())) {
                    resolvedCount++;
                    if (resolved.size() < TREND_LIMIT) {
                        resolved.add(view(run.cluster(), f, catalogue, Set.of()));
                    }
                }
            }
            trend = new Report.Trend(previousRun.id(), complete ? score(previous, acknowledged) : null, addedCount,
                    resolvedCount, added, resolved);
        } else {
            trend = new Report.Trend(null, null, 0, 0, List.of(), List.of());
        }
        return new Report(run.id(), run.cluster(), run.finishedAt(), complete, score(current, acknowledged), counted, acked,
                bySeverity, byCategory, trend, history, run.warnings(),
                run.checksEvaluated() == null ? 0 : run.checksEvaluated(), run.objects() == null ? 0 : run.objects());
    }
}
