package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Stopping the sync with a full writer queue and a database that is gone ends instead of hanging. */
class SyncStopTest {

    /** A writer whose database is gone: every write fails. */
    private static final class GoneWriter extends IndexWriter {
        final AtomicInteger attempts = new AtomicInteger();

        GoneWriter() {
            super(null, new SearchCache(0, false));
        }

        @Override
        Map<String, Long> write(List<SyncCommand.Upsert> upserts, List<SyncCommand.Delete> deletes,
                List<TypeProgress> progress) throws SQLException {
            attempts.incrementAndGet();
            throw new SQLException("Connection refused", "08001");
        }
    }

    @Test
    void stoppingWithAFullQueueAndNoDatabaseDropsTheBacklogWithinTheBound() throws Exception {
        GoneWriter writer = new GoneWriter();
        IndexShard shard = new IndexShard(0, writer, 10, 1_000_000, 4);
        Thread thread = Thread.ofPlatform().name("test-writer").daemon().start(shard);
        SyncTypeState pods = new SyncTypeState("c1", new IndexType("", "v1", "pods", "Pod", true));
        for (int i = 0; i < 6; i++) { // more than the queue holds: the writer is stuck retrying the first batch
            shard.offer(new SyncCommand.Progress(pods, Integer.toString(100 + i)), 200);
        }
        long start = System.nanoTime();
        SyncEngine.drainAndStop(List.of(shard), 300, 5_000);
        thread.join(10_000);
        assertThat(thread.isAlive()).as("the writer ended").isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to stop").isLessThan(9_000);
        assertThat(writer.attempts.get()).as("it tried to write").isPositive();
    }
}
