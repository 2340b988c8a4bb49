package io.flotilla.inspection;

import io.flotilla.inspection.checks.Evaluator;
import io.flotilla.inspection.checks.Score;
import io.flotilla.inspection.checks.Selection;
import io.flotilla.platform.ApiException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Executes runs on virtual threads: snapshot once, evaluate, store findings and status together.
 * Any failure to read the cluster ends the run Failed with the reason; no findings are stored then.
 */
@Component
class InspectionRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InspectionRunner.class);

    private final InspectionRepository repository;
    private final SnapshotSource source;
    private final Evaluator evaluator;
    private final Clock clock;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    InspectionRunner(InspectionRepository repository, SnapshotSource source, Evaluator evaluator, Clock clock) {
        this.repository = repository;
        this.source = source;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /** Total progress steps of a run: reading the cluster, evaluating, storing. */
    int steps() {
        return source.steps() + 2;
    }

    void submit(UUID id, String cluster, Selection selection, int retention) {
        workers.submit(() -> execute(id, cluster, selection, retention));
    }

    private void execute(UUID id, String cluster, Selection selection, int retention) {
        try {
            repository.start(id, clock.instant());
            long t0 = System.nanoTime();
            SnapshotSource.Result snapshot = source.take(cluster, (done, total, what) ->
                    repository.progress(id, done, what, clock.instant()));
            long t1 = System.nanoTime();
            repository.progress(id, source.steps(), "evaluating checks", clock.instant());
            Evaluator.Result result = evaluator.evaluate(snapshot.snapshot(), selection);
            long t2 = System.nanoTime();
            repository.progress(id, source.steps() + 1, "storing " + result.findings().size() + " findings", clock.instant());
            repository.succeed(id, clock.instant(), snapshot.snapshot().size(), result.evaluated().size(), result.findings(),
                    Score.of(result.findings()), TimeUnit.NANOSECONDS.toMillis(t1 - t0),
                    TimeUnit.NANOSECONDS.toMillis(t2 - t1), warnings(snapshot, result), snapshot.source(),
                    snapshot.indexedKinds());
            log.info("inspection {} of cluster {} succeeded: {} objects (source {}), {} checks, {} findings", id,
                    cluster, snapshot.snapshot().size(), snapshot.source(), result.evaluated().size(),
                    result.findings().size());
        } catch (SnapshotSource.SourceUnavailableException e) {
            log.info("inspection {} of cluster {} failed: {}", id, cluster, e.getMessage());
            repository.fail(id, e.getMessage(), clock.instant());
        } catch (ApiException e) {
            log.info("inspection {} of cluster {} failed: {}", id, cluster, e.getMessage());
            repository.fail(id, e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            log.warn("inspection {} of cluster {} failed unexpectedly", id, cluster, e);
            repository.fail(id, "inspection failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        } finally {
            try {
                int deleted = repository.retain(cluster, retention);
                if (deleted > 0) {
                    log.info("cluster {}: deleted {} old inspection reports (retention {})", cluster, deleted, retention);
                }
            } catch (RuntimeException e) {
                log.warn("cluster {}: could not apply inspection retention: {}", cluster, e.getMessage());
            }
        }
    }

    private static java.util.List<String> warnings(SnapshotSource.Result snapshot, Evaluator.Result result) {
        java.util.List<String> all = new java.util.ArrayList<>(snapshot.warnings());
        result.errors().forEach(e -> all.add("check " + e));
        if (!result.errors().isEmpty()) {
            log.warn("checks failed on unexpected data: {}", result.errors());
        }
        return all;
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }
}
