package io.flotilla.inspection;

import io.flotilla.platform.ApiException;
import io.flotilla.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of cluster inspection: checks, configuration, runs, reports, findings, exports, fleet, acknowledgements. */
@RestController
@RequestMapping("/api/v1/inspections")
@Tag(name = "Inspection", description = "Cluster inspection: checks, scheduled runs, scored reports")
class InspectionController {

    private final InspectionService inspections;
    private final ReportService reports;

    InspectionController(InspectionService inspections, ReportService reports) {
        this.inspections = inspections;
        this.reports = reports;
    }

    /** The export of a report: the report and every finding the caller may see. */
    record Export(Report report, List<FindingView> findings) {}

    @GetMapping("/checks")
    @Operation(summary = "The catalogue of checks", description = "Every check with id, category, severity, rationale, "
            + "remediation and references (CIS Kubernetes Benchmark, NSA-CISA hardening guide).")
    List<CheckView> checks(@RequestParam(required = false) String category, @RequestParam(required = false) String severity) {
        return inspections.checks(category, severity);
    }

    @GetMapping("/clusters/{cluster}/config")
    @Operation(summary = "A cluster's inspection configuration", description = "Defaults (all checks, no schedule, "
            + "retention 10) until configured.")
    InspectionConfig config(@PathVariable String cluster) {
        return inspections.config(cluster);
    }

    @PutMapping("/clusters/{cluster}/config")
    @Operation(summary = "Configure a cluster's inspections", description = "Enabled categories and check ids, disabled "
            + "checks, severity overrides, cron schedule and report retention. Unknown ids, invalid cron and retention <= 0 "
            + "are rejected with 400 naming the field. Needs update on inspections for the whole cluster.")
    InspectionConfig configure(@PathVariable String cluster, @RequestBody InspectionConfig.Update update) {
        return inspections.configure(cluster, update);
    }

    @PostMapping("/clusters/{cluster}/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start an inspection now", description = "Answers 202 with the Pending run; follow it with GET "
            + "/api/v1/inspections/runs/{id}. 409 while another run of the cluster is in progress.")
    InspectionRun start(@PathVariable String cluster) {
        return inspections.start(cluster);
    }

    @GetMapping("/clusters/{cluster}/runs")
    @Operation(summary = "History of a cluster's runs, newest first (paged)")
    Page<InspectionRun> runs(@PathVariable String cluster, @RequestParam(required = false) Integer limit,
            @RequestParam(name = "continue", required = false) String continueToken) {
        return inspections.runs(cluster, limit, continueToken);
    }

    @GetMapping("/clusters/{cluster}/report")
    @Operation(summary = "The report of the cluster's latest Succeeded run", description = "404 until a run succeeded.")
    Report latest(@PathVariable String cluster) {
        return reports.latest(cluster);
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "A run: status, progress (step x of y), reason when Failed")
    InspectionRun run(@PathVariable UUID id) {
        return inspections.run(id);
    }

    @GetMapping("/runs/{id}/report")
    @Operation(summary = "The report of a Succeeded run", description = "Score, counts by severity and category, trend "
            + "against the previous run and score history, over the findings the caller may see. 409 unless Succeeded.")
    Report report(@PathVariable UUID id) {
        return reports.report(id);
    }

    @GetMapping("/runs/{id}/findings")
    @Operation(summary = "Findings of a run (paged, filterable)")
    Page<FindingView> findings(@PathVariable UUID id,
            @Parameter(description = "critical, warning or info") @RequestParam(required = false) String severity,
            @Parameter(description = "a category label, e.g. security") @RequestParam(required = false) String category,
            @RequestParam(required = false) String namespace, @RequestParam(required = false) Integer limit,
            @RequestParam(name = "continue", required = false) String continueToken) {
        return reports.findings(id, severity, category, namespace, limit, continueToken);
    }

    @GetMapping("/runs/{id}/export")
    @Operation(summary = "Export a report", description = "format=json (report and findings), csv (findings) or html "
            + "(a printable page).")
    ResponseEntity<?> export(@PathVariable UUID id, @RequestParam(defaultValue = "json") String format) {
        String type = ReportService.formats().get(format);
        if (type == null) {
            throw ApiException.badRequest("format", "'" + format + "' is not an export format; use json, csv or html");
        }
        Report report = reports.report(id);
        List<FindingView> findings = reports.allFindings(id);
        String file = "inspection-" + report.cluster() + "-" + id + "." + format;
        return switch (format) {
            case "csv" -> ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                    .body(Exports.csv(findings));
            case "html" -> ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                    .body(Exports.html(report, findings));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                    .body(new Export(report, findings));
        };
    }

    @GetMapping("/fleet")
    @Operation(summary = "Fleet view", description = "Latest score per cluster (lowest first) and the most severe "
            + "findings across clusters, over what the caller may see.")
    Fleet fleet() {
        return reports.fleet();
    }

    @GetMapping("/clusters/{cluster}/acknowledgements")
    @Operation(summary = "Acknowledged findings of a cluster")
    List<Acknowledgement> acknowledgements(@PathVariable String cluster) {
        return reports.acknowledgements(cluster);
    }

    @PostMapping("/clusters/{cluster}/acknowledgements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Acknowledge a finding", description = "With a reason and an expiry (at most 366 days); while "
            + "valid the finding does not count in scores. Needs update on inspections where the object lives.")
    Acknowledgement acknowledge(@PathVariable String cluster, @RequestBody Acknowledgement.Request request) {
        return reports.acknowledge(cluster, request);
    }

    @DeleteMapping("/clusters/{cluster}/acknowledgements/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw an acknowledgement")
    void unacknowledge(@PathVariable String cluster, @PathVariable UUID id) {
        reports.unacknowledge(cluster, id);
    }
}
