package io.flotilla.audit;

import io.flotilla.platform.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Records, queries, exports, verifies and purges the audit trail. */
@Service
class AuditService implements AuditLog {

    static final String TARGET_ATTRIBUTE = "io.flotilla.audit.target";
    static final String SUMMARY_ATTRIBUTE = "io.flotilla.audit.summary";
    private static final Logger log = LoggerFactory.getLogger(AuditService.class);
    private static final int PURGE_BATCH = 10_000;

    private final AuditRepository repository;
    private final Clock clock;

    AuditService(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public void record(String action, String actor, String accessKeyId, AuditTarget target, int status,
            String summary) {
        HttpServletRequest request = currentRequest();
        String ip = request == null ? null : request.getRemoteAddr();
        String agent = request == null ? null : truncate(request.getHeader("User-Agent"), 300);
        append(new AuditEvent(actor, accessKeyId, ip, agent, action, target, status, RequestIds.current(),
                summary == null ? null : Summaries.truncate(summary)));
    }

    @Override
    public void describe(AuditTarget target, String summary) {
        HttpServletRequest request = currentRequest();
        if (request != null) {
            if (target != null) {
                request.setAttribute(TARGET_ATTRIBUTE, target);
            }
            if (summary != null) {
                request.setAttribute(SUMMARY_ATTRIBUTE, Summaries.truncate(summary));
            }
        }
    }

    /** Appends in its own transaction; a failure is logged, never thrown into the request. */
    void append(AuditEvent event) {
        try {
            repository.append(event, clock.instant());
        } catch (RuntimeException e) {
            log.error("could not write audit entry {} by {} (status {})", event.action(), event.actor(),
                    event.status(), e);
        }
    }

    List<AuditEntry> page(AuditQuery query, Long beforeSeq, int limit) {
        return repository.page(query, beforeSeq, limit);
    }

    void export(AuditQuery query, Consumer<AuditEntry> sink) {
        repository.stream(query, sink);
    }

    ChainReport verify() {
        AuditRepository.Chain chain = repository.chain();
        Verifier v = new Verifier(chain.anchorHash());
        repository.streamChain(v);
        if (v.broken == null && v.checked > 0 && !v.expected.equals(chain.headHash())) {
            return new ChainReport(false, v.checked, new ChainReport.BrokenEntry(v.lastSeq + 1, null, null,
                    "entries after seq " + v.lastSeq + " are missing (the chain head does not match)"));
        }
        return new ChainReport(v.broken == null, v.checked, v.broken);
    }

    /** Deletes entries older than the cutoff in batches; returns how many. */
    long purgeOlderThan(Instant cutoff) {
        long total = 0;
        int n;
        do {
            n = repository.purgeBatch(cutoff, PURGE_BATCH);
            total += n;
        } while (n > 0);
        if (total > 0) {
            log.info("audit retention: deleted {} entries older than {}", total, cutoff);
        }
        return total;
    }

    private static final class Verifier implements Consumer<AuditEntry> {
        private String expected;
        private long checked;
        private long lastSeq;
        private ChainReport.BrokenEntry broken;

        Verifier(String anchor) {
            this.expected = anchor;
        }

        @Override
        public void accept(AuditEntry e) {
            if (broken != null) {
                return;
            }
            checked++;
            lastSeq = e.seq();
            if (!e.prevHash().equals(expected)) {
                broken = new ChainReport.BrokenEntry(e.seq(), e.id(), e.time(), "link mismatch: the entry before "
                        + "it was removed or changed");
            } else if (!AuditChain.hash(e.prevHash(), e).equals(e.hash())) {
                broken = new ChainReport.BrokenEntry(e.seq(), e.id(), e.time(), "hash mismatch: the entry's content "
                        + "was changed");
            }
            expected = e.hash();
        }
    }

    static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes s ? s.getRequest() : null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
