package io.flotilla.inspection;

import io.flotilla.iam.Authorization;
import io.flotilla.iam.Listable;
import io.flotilla.iam.Scope;
import io.flotilla.inspection.InspectionRepository.StoredFinding;
import io.flotilla.inspection.checks.Catalogue;
import io.flotilla.inspection.checks.Category;
import io.flotilla.inspection.checks.Finding;
import io.flotilla.inspection.checks.ObjectRef;
import io.flotilla.inspection.checks.Severity;
import io.flotilla.platform.ApiException;
import io.flotilla.platform.ContinueToken;
import io.flotilla.platform.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Reports, findings, exports, the fleet view and acknowledgements. Every read is filtered by where the
 * caller may list {@code inspections}: a namespace reader sees only findings in those namespaces;
 * cluster-wide findings need cluster-wide access.
 */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    private static final int ALL = Integer.MAX_VALUE;
    private static final int HISTORY = 20;
    private static final Duration MAX_ACK = Duration.ofDays(366);

    private final InspectionRepository repository;
    private final InspectionService inspections;
    private final Authorization authz;
    private final Catalogue catalogue;
    private final Clock clock;

    ReportService(InspectionRepository repository, InspectionService inspections, Authorization authz, Catalogue catalogue,
            Clock clock) {
        this.repository = repository;
        this.inspections = inspections;
        this.authz = authz;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public Report report(UUID runId) {
        InspectionRun run = succeeded(runId);
        Listable visible = visible();
        boolean complete = visible.all() || visible.clusters().contains(run.cluster());
        List<StoredFinding> current = repository.findings(run.id(), visible, null, null, null, -1, ALL);
        InspectionRun previous = repository.previousSucceeded(run.cluster(), run.createdAt()).orElse(null);
        List<StoredFinding> before = previous == null ? List.of()
                : repository.findings(previous.id(), visible, null, null, null, -1, ALL);
        List<Report.HistoryPoint> history = new ArrayList<>();
        if (complete) {
            for (InspectionRun r : repository.runs(run.cluster(), null, null, 200)) {
                if (InspectionRun.SUCCEEDED.equals(r.status()) && !r.createdAt().isAfter(run.createdAt())
                        && history.size() < HISTORY) {
                    history.add(new Report.HistoryPoint(r.id(), r.finishedAt(), r.score()));
                }
            }
            history = history.reversed();
        }
        return Reports.build(run, complete, current, before, previous, acknowledged(run.cluster()), catalogue, history);
    }

    /** The report of the cluster's latest succeeded run; 404 when it has none. */
    public Report latest(String cluster) {
        Listable visible = visible();
        if (!visible.all() && !visible.anyClusters().contains(cluster)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "you may not read inspections of cluster '" + cluster + "'");
        }
        InspectionRun run = repository.latestSucceeded(cluster).orElseThrow(() -> ApiException.notFound(
                "a succeeded inspection of cluster '" + cluster + "'"));
        return report(run.id());
    }

    public Page<FindingView> findings(UUID runId, String severity, String category, String namespace, Integer limit,
            String continueToken) {
        if (severity != null && Severity.parse(severity) == null) {
            throw ApiException.badRequest("severity", "'" + severity + "' is not a severity; use critical, warning or info");
        }
        if (category != null && Category.parse(category) == null) {
            throw ApiException.badRequest("category", "'" + category + "' is not a category");
        }
        InspectionRun run = succeeded(runId);
        int size = ContinueToken.limit(limit, 100, 1000);
        int after = -1;
        if (continueToken != null && !continueToken.isBlank()) {
            try {
                after = Integer.parseInt(ContinueToken.decode(continueToken));
            } catch (RuntimeException e) {
                throw ApiException.badRequest("continue", "is not a token from this list; start again without it");
            }
        }
        List<StoredFinding> rows = repository.findings(run.id(), visible(),
                severity == null ? null : Severity.parse(severity).label(),
                category == null ? null : Category.parse(category).label(), namespace, after, size + 1);
        boolean more = rows.size() > size;
        Set<String> acked = acknowledged(run.cluster());
        List<StoredFinding> page = rows.stream().limit(size).toList();
        return new Page<>(page.stream().map(f -> Reports.view(run.cluster(), f, catalogue, acked)).toList(),
                more ? ContinueToken.encode(String.valueOf(page.getLast().seq())) : null);
    }

    /** Every visible finding of a run, for exports. */
    List<FindingView> allFindings(UUID runId) {
        InspectionRun run = succeeded(runId);
        Set<String> acked = acknowledged(run.cluster());
        return repository.findings(run.id(), visible(), null, null, null, -1, ALL).stream()
                .map(f -> Reports.view(run.cluster(), f, catalogue, acked)).toList();
    }

    public Fleet fleet() {
        Listable visible = visible();
        List<String> clusters = repository.inspectedClusters().stream()
                .filter(c -> visible.all() || visible.anyClusters().contains(c)).filter(inspections::registered).toList();
        List<Fleet.ClusterScore> scores = new ArrayList<>();
        List<FindingView> worst = new ArrayList<>();
        for (String cluster : clusters) {
            InspectionRun run = repository.latestSucceeded(cluster).orElse(null);
            if (run == null) {
                continue;
            }
            Set<String> acked = acknowledged(cluster);
            List<StoredFinding> findings = repository.findings(run.id(), visible, null, null, null, -1, ALL);
            int critical = 0;
            int warning = 0;
            int info = 0;
            for (StoredFinding f : findings) {
                if (acked.contains(f.key())) {
                    continue;
                }
                switch (Severity.parse(f.severity())) {
                    case CRITICAL -> critical++;
                    case WARNING -> warning++;
                    case INFO -> info++;
                }
                if (Severity.CRITICAL.label().equals(f.severity()) && worst.size() < 500) {
                    worst.add(Reports.view(cluster, f, catalogue, acked));
                }
            }
            scores.add(new Fleet.ClusterScore(cluster, run.id(), run.finishedAt(), Reports.score(findings, acked),
                    critical + warning + info, critical, warning, info,
                    visible.all() || visible.clusters().contains(cluster)));
        }
        scores.sort(Comparator.comparingInt(Fleet.ClusterScore::score).thenComparing(Fleet.ClusterScore::cluster));
        worst.sort(Comparator.comparing(FindingView::checkId).thenComparing(FindingView::cluster));
        return new Fleet(scores, worst.stream().limit(50).toList());
    }

    public Acknowledgement acknowledge(String cluster, Acknowledgement.Request request) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        Instant now = clock.instant();
        if (request == null) {
            throw ApiException.badRequest("body", "give checkId, kind, name, reason and expiresAt");
        }
        if (request.checkId() == null || !catalogue.contains(request.checkId())) {
            errors.add(new ApiException.FieldError("checkId", "'" + request.checkId() + "' is not a check id"));
        }
        if (request.kind() == null || request.kind().isBlank()) {
            errors.add(new ApiException.FieldError("kind", "is required (the finding's object kind, e.g. Deployment)"));
        }
        if (request.name() == null || request.name().isBlank()) {
            errors.add(new ApiException.FieldError("name", "is required (the finding's object name)"));
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 1000) {
            errors.add(new ApiException.FieldError("reason", "is required: say why the finding is accepted (at most 1000 characters)"));
        }
        if (request.expiresAt() == null || !request.expiresAt().isAfter(now) || request.expiresAt().isAfter(now.plus(MAX_ACK))) {
            errors.add(new ApiException.FieldError("expiresAt", "must be in the future and at most 366 days ahead"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String namespace = request.namespace() == null || request.namespace().isBlank() ? null : request.namespace();
        authz.require("update", InspectionService.RESOURCE, Scope.of(cluster, namespace), null);
        inspections.requireCluster(cluster);
        String key = Finding.key(request.checkId(), new ObjectRef(request.kind(), namespace, request.name()));
        Acknowledgement ack = new Acknowledgement(UUID.randomUUID(), cluster, key, request.checkId(), request.kind(), namespace,
                request.name(), request.reason().trim(), request.expiresAt(), authz.current().username(), now, true);
        repository.upsertAck(ack);
        log.info("finding {} of cluster {} acknowledged by {} until {}", key, cluster, ack.createdBy(), ack.expiresAt());
        return repository.acks(cluster, now).stream().filter(a -> a.findingKey().equals(key)).findFirst().orElseThrow();
    }

    public List<Acknowledgement> acknowledgements(String cluster) {
        Listable visible = visible();
        if (!visible.all() && !visible.anyClusters().contains(cluster)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "you may not read inspections of cluster '" + cluster + "'");
        }
        return repository.acks(cluster, clock.instant()).stream()
                .filter(a -> visible.allows(cluster, a.namespace()) && (a.namespace() != null
                        || visible.all() || visible.clusters().contains(cluster))).toList();
    }

    public void unacknowledge(String cluster, UUID id) {
        Acknowledgement ack = repository.ack(id, clock.instant()).filter(a -> a.cluster().equals(cluster))
                .orElseThrow(() -> ApiException.notFound("acknowledgement '" + id + "'"));
        authz.require("update", InspectionService.RESOURCE, Scope.of(cluster, ack.namespace()), null);
        repository.deleteAck(id);
        log.info("acknowledgement of {} in cluster {} withdrawn by {}", ack.findingKey(), cluster, authz.current().username());
    }

    private Set<String> acknowledged(String cluster) {
        Set<String> keys = new HashSet<>();
        for (Acknowledgement a : repository.acks(cluster, clock.instant())) {
            if (a.active()) {
                keys.add(a.findingKey());
            }
        }
        return keys;
    }

    private Listable visible() {
        return authz.listable(authz.current(), InspectionService.RESOURCE, "list");
    }

    private InspectionRun succeeded(UUID runId) {
        InspectionRun run = inspections.visibleRun(runId);
        if (!InspectionRun.SUCCEEDED.equals(run.status())) {
            throw new ApiException(HttpStatus.CONFLICT, "No report", "inspection run '" + runId + "' is " + run.status()
                    + (run.reason() == null ? "" : " (" + run.reason() + ")") + "; only a Succeeded run has a report");
        }
        return run;
    }

    static Map<String, String> formats() {
        return Map.of("json", "application/json", "csv", "text/csv", "html", "text/html");
    }
}
