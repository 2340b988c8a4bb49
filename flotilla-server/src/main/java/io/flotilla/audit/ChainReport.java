package io.flotilla.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Result of verifying the hash chain.
 *
 * @param valid true when every entry's hash and link are intact
 * @param checked how many entries were checked
 * @param firstBroken the first entry whose hash or link does not match, or null
 */
public record ChainReport(boolean valid, long checked, BrokenEntry firstBroken) {

    /**
     * @param reason "hash mismatch" (content changed) or "link mismatch" (an entry before it was
     *     removed or changed)
     */
    public record BrokenEntry(long seq, UUID id, Instant time, String reason) {}
}
