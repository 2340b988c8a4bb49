package io.flotilla.inspection;

import io.flotilla.cluster.ClusterService;
import io.flotilla.iam.Authorization;
import io.flotilla.iam.Listable;
import io.flotilla.iam.Scope;
import io.flotilla.inspection.checks.Catalogue;
import io.flotilla.platform.ApiException;
import io.flotilla.platform.ContinueToken;
import io.flotilla.platform.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The inspection module's public face for configuration and runs. Authorises every call: configuring
 * and running need cluster-level rights on {@code inspections}; reading runs needs list on
 * {@code inspections} somewhere in the cluster.
 */
@Service
public class InspectionService {

    static final String RESOURCE = "inspections";
    private static final Logger log = LoggerFactory.getLogger(InspectionService.class);

    private final InspectionRepository repository;
    private final InspectionRunner runner;
    private final ClusterService clusters;
    private final Authorization authz;
    private final Catalogue catalogue;
    private final InspectionSettings settings;
    private final Clock clock;

    InspectionService(InspectionRepository repository, InspectionRunner runner, ClusterService clusters,
            Authorization authz, Catalogue catalogue, InspectionSettings settings, Clock clock) {
        this.repository = repository;
        this.runner = runner;
        this.clusters = clusters;
        this.authz = authz;
        this.catalogue = catalogue;
        this.settings = settings;
        this.clock = clock;
    }

    /** The catalogue of checks; any signed-in user may read it. */
    public List<CheckView> checks(String category, String severity) {
        authz.current();
        return catalogue.checks().stream().map(CheckView::of)
                .filter(c -> category == null || c.category().equals(category))
                .filter(c -> severity == null || c.severity().equals(severity)).toList();
    }

    public InspectionConfig config(String cluster) {
        authz.require("get", RESOURCE, new Scope.Cluster(cluster), null);
        clusters.get(cluster);
        return repository.config(cluster).orElse(InspectionConfig.defaults(cluster));
    }

    public InspectionConfig configure(String cluster, InspectionConfig.Update update) {
        authz.require("update", RESOURCE, new Scope.Cluster(cluster), null);
        clusters.get(cluster);
        InspectionConfig config = ConfigValidation.apply(cluster, update == null
                ? new InspectionConfig.Update(null, null, null, null, null, null) : update, catalogue,
                settings.maxRetention(), clock.instant(), authz.current().username());
        repository.saveConfig(config);
        int deleted = repository.retain(cluster, config.retention());
        log.info("inspection config of cluster {} updated by {} (schedule {}, retention {}, {} old reports deleted)",
                cluster, config.updatedBy(), config.schedule(), config.retention(), deleted);
        return repository.config(cluster).orElseThrow();
    }

    /** Starts a run now; 409 when the cluster already has one Pending or Running. */
    public InspectionRun start(String cluster) {
        authz.require("create", RESOURCE, new Scope.Cluster(cluster), null);
        clusters.get(cluster);
        return start(cluster, "manual", authz.current().username());
    }

    /** Starts a run without a caller (the scheduler); null when one is already active or the cluster is gone. */
    InspectionRun startScheduled(String cluster) {
        if (!registered(cluster)) {
            repository.setNextRun(cluster, repository.config(cluster).map(InspectionConfig::schedule).orElse(null), null);
            log.info("cluster {} is no longer registered: its inspection schedule is stopped", cluster);
            return null;
        }
        try {
            return start(cluster, "schedule", null);
        } catch (ApiException e) {
            log.info("scheduled inspection of cluster {} not started: {}", cluster, e.getMessage());
            return null;
        }
    }

    /** Is the cluster (still) registered? */
    boolean registered(String cluster) {
        try {
            clusters.get(cluster);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    /** 404 unless the cluster is registered. */
    void requireCluster(String cluster) {
        clusters.get(cluster);
    }

    private InspectionRun start(String cluster, String trigger, String by) {
        InspectionConfig config = repository.config(cluster).orElse(InspectionConfig.defaults(cluster));
        UUID id = UUID.randomUUID();
        try {
            repository.insertRun(id, cluster, trigger, by, runner.steps(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("cluster '" + cluster + "' already has an inspection in progress; wait for it "
                    + "to finish (GET its run) before starting another");
        }
        InspectionRun pending = repository.run(id).orElseThrow();
        runner.submit(id, cluster, ConfigValidation.selection(config), config.retention());
        log.info("inspection {} of cluster {} started ({}{})", id, cluster, trigger, by == null ? "" : " by " + by);
        return pending;
    }

    public InspectionRun run(UUID id) {
        return visibleRun(id);
    }

    public Page<InspectionRun> runs(String cluster, Integer limit, String continueToken) {
        Listable visible = authz.listable(authz.current(), RESOURCE, "list");
        if (!visible.all() && !visible.anyClusters().contains(cluster)) {
            throw new ApiException(org.springframework.http.HttpStatus.FORBIDDEN, "Forbidden",
                    "you may not read inspections of cluster '" + cluster + "'");
        }
        clusters.get(cluster);
        int size = ContinueToken.limit(limit, 20, 200);
        Instant before = null;
        UUID beforeId = null;
        if (continueToken != null && !continueToken.isBlank()) {
            String[] parts = ContinueToken.decode(continueToken).split("\\|", 2);
            try {
                before = Instant.parse(parts[0]);
                beforeId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw ApiException.badRequest("continue", "is not a token from this list; start again without it");
            }
        }
        List<InspectionRun> rows = repository.runs(cluster, before, beforeId, size + 1);
        boolean more = rows.size() > size;
        List<InspectionRun> items = rows.stream().limit(size).toList();
        return new Page<>(items, more ? ContinueToken.encode(items.getLast().createdAt() + "|" + items.getLast().id()) : null);
    }

    /** A run the caller may see (some inspection read access on its cluster), else 404. */
    InspectionRun visibleRun(UUID id) {
        InspectionRun run = repository.run(id).orElseThrow(() -> ApiException.notFound("inspection run '" + id + "'"));
        Listable visible = authz.listable(authz.current(), RESOURCE, "list");
        if (!visible.all() && !visible.anyClusters().contains(run.cluster())) {
            throw ApiException.notFound("inspection run '" + id + "'");
        }
        return run;
    }
}
