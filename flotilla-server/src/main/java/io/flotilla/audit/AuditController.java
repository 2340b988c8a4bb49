package io.flotilla.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flotilla.iam.Authorization;
import io.flotilla.iam.Scope;
import io.flotilla.platform.ApiException;
import io.flotilla.platform.ContinueToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** REST API of the audit trail: query, CSV export, chain verification, manual cleanup. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Who did what, when, from where, with what result")
class AuditController {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final AuditService audit;
    private final Authorization authz;
    private final AuditProperties properties;
    private final Clock clock;

    AuditController(AuditService audit, Authorization authz, AuditProperties properties, Clock clock) {
        this.audit = audit;
        this.authz = authz;
        this.properties = properties;
        this.clock = clock;
    }

    /** A page of entries, newest first; {@code continue} is null on the last page. */
    record AuditList(List<AuditEntry> items, @JsonProperty("continue") String continueToken) {}

    /** Outcome of a cleanup. */
    record Cleanup(long deleted, Instant olderThan) {}

    @GetMapping
    @Operation(summary = "Query the audit log", description = "Newest first, paged with limit/continue.")
    AuditList list(
            @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) String to,
            @Parameter(description = "user name, exact") @RequestParam(required = false) String actor,
            @Parameter(description = "action, exact (users.create) or prefix ending in '.' (users.)")
            @RequestParam(required = false) String action,
            @Parameter(description = "target resource type, e.g. clusters") @RequestParam(required = false) String kind,
            @Parameter(description = "target name") @RequestParam(required = false) String name,
            @Parameter(description = "exact (default) or fuzzy (substring, any case)")
            @RequestParam(required = false) String match,
            @RequestParam(required = false) String cluster,
            @RequestParam(required = false) String namespace,
            @Parameter(description = "success or failure") @RequestParam(required = false) String result,
            @Parameter(description = "exact HTTP status") @RequestParam(required = false) Integer status,
            @Parameter(description = "page size, 1-500, default 50") @RequestParam(required = false) Integer limit,
            @RequestParam(name = "continue", required = false) String continueToken) {
        authz.require("list", "audit", Scope.PLATFORM, null);
        AuditQuery q = query(from, to, actor, action, kind, name, match, cluster, namespace, result, status);
        int size = ContinueToken.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        Long before = null;
        if (continueToken != null && !continueToken.isBlank()) {
            try {
                before = Long.parseLong(ContinueToken.decode(continueToken));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("continue", "is not a continue token of the audit log");
            }
        }
        List<AuditEntry> rows = audit.page(q, before, size);
        boolean more = rows.size() > size;
        List<AuditEntry> items = rows.stream().limit(size).toList();
        return new AuditList(items, more ? ContinueToken.encode(Long.toString(items.getLast().seq())) : null);
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Export the audit log as CSV",
            description = "Same filters as the query; streams every matching entry, newest first.")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String name,
            @RequestParam(required = false) String match, @RequestParam(required = false) String cluster,
            @RequestParam(required = false) String namespace, @RequestParam(required = false) String result,
            @RequestParam(required = false) Integer status) {
        authz.require("get", "audit", Scope.PLATFORM, null);
        AuditQuery q = query(from, to, actor, action, kind, name, match, cluster, namespace, result, status);
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write(CsvFormat.HEADER);
            try {
                audit.export(q, e -> {
                    try {
                        writer.write(CsvFormat.row(e));
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
                .body(body);
    }

    @GetMapping("/verify")
    @Operation(summary = "Verify the hash chain", description = "Reports the first entry whose hash or link is broken.")
    ChainReport verify() {
        authz.require("get", "audit", Scope.PLATFORM, null);
        return audit.verify();
    }

    @PostMapping("/cleanup")
    @Operation(summary = "Delete old entries now",
            description = "Deletes entries older than olderThanDays (default: the retention period, "
                    + "flotilla.audit.retention). The chain keeps verifying.")
    Cleanup cleanup(@RequestParam(required = false) Integer olderThanDays) {
        authz.require("delete", "audit", Scope.PLATFORM, null);
        Duration age = properties.retention();
        if (olderThanDays != null) {
            if (olderThanDays < 1) {
                throw ApiException.badRequest("olderThanDays", "must be at least 1");
            }
            age = Duration.ofDays(olderThanDays);
        }
        Instant cutoff = clock.instant().minus(age);
        return new Cleanup(audit.purgeOlderThan(cutoff), cutoff);
    }

    private static AuditQuery query(String from, String to, String actor, String action, String kind, String name,
            String match, String cluster, String namespace, String result, Integer status) {
        if (match != null && !match.equals("exact") && !match.equals("fuzzy")) {
            throw ApiException.badRequest("match", "must be exact or fuzzy");
        }
        if (result != null && !result.equals("success") && !result.equals("failure")) {
            throw ApiException.badRequest("result", "must be success or failure");
        }
        return new AuditQuery(instant("from", from), instant("to", to), blank(actor), blank(action), blank(kind),
                blank(name), "fuzzy".equals(match), blank(cluster), blank(namespace), result, status);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "'" + value + "' is not an ISO-8601 instant like 2026-01-31T12:00:00Z");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
