package io.flotilla.iam;

import io.flotilla.audit.AuditLog;
import io.flotilla.audit.AuditTarget;
import io.flotilla.platform.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/** Access keys: created per user and shown once, stored hashed, optional expiry, revocable. */
@Service
class AccessKeyService {

    static final String PREFIX = "flk_";
    /** Key use is audited (and last-used refreshed) at most once per key in this period. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessKeyStore store;
    private final UserStore users;
    private final Authorization authz;
    private final AuditLog audit;
    private final Clock clock;
    private final IamCaches caches;
    /** When this replica last refreshed each key's last-used time (keeps writes off the read path). */
    private final Map<UUID, Instant> touched = new ConcurrentHashMap<>();

    AccessKeyService(AccessKeyStore store, UserStore users, Authorization authz, AuditLog audit, Clock clock,
            IamCaches caches) {
        this.store = store;
        this.caches = caches;
        this.users = users;
        this.authz = authz;
        this.audit = audit;
        this.clock = clock;
    }

    /** An access key as listed: never the secret. */
    record AccessKey(UUID id, String user, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
            Instant revokedAt, String state) {}

    /** A new key: the secret appears here once and is never retrievable again. */
    record CreatedKey(UUID id, String user, String name, Instant expiresAt, String secret) {
        @Override
        public String toString() {
            return "CreatedKey[id=" + id + ", user=" + user + ", name=" + name + ", secret=***]";
        }
    }

    /** Result of checking a presented key. */
    sealed interface Check {
        record Valid(Actor actor) implements Check {}

        record Invalid(String reason, String keyId) implements Check {}
    }

    CreatedKey create(String name, Instant expiresAt) {
        Actor actor = authz.current();
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ApiException.badRequest("name", "is required, at most 100 characters");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ApiException.badRequest("expiresAt", "must be in the future");
        }
        UserStore.UserRow user = users.find(actor.username())
                .orElseThrow(() -> ApiException.notFound("user '" + actor.username() + "'"));
        if (store.nameTaken(user.id(), name)) {
            throw ApiException.conflict("you already have an access key named '" + name + "'; pick another name");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        UUID id = UUID.randomUUID();
        store.insert(id, user.id(), name, hash(secret), expiresAt);
        return new CreatedKey(id, user.username(), name, expiresAt, secret);
    }

    List<AccessKey> list(String username) {
        Actor actor = authz.current();
        String who = username == null || username.isBlank() ? actor.username() : username;
        if (!who.equals(actor.username())) {
            authz.require("list", "accesskeys", Scope.PLATFORM, who);
        }
        return store.list(who).stream().map(this::view).toList();
    }

    void revoke(UUID id) {
        Actor actor = authz.current();
        AccessKeyStore.KeyRow key = store.byId(id).orElseThrow(() -> ApiException.notFound("access key " + id));
        if (!key.username().equals(actor.username())
                && !authz.decide(actor, "delete", "accesskeys", Scope.PLATFORM, null).allowed()) {
            throw ApiException.notFound("access key " + id);
        }
        store.revoke(id, clock.instant());
    }

    /**
     * Checks a presented secret: unknown, revoked, expired, or the owner disabled or locked → invalid.
     * The key's row is cached briefly ({@link IamCaches}); expiry and lock times are compared with
     * the clock on every call, and revoking, disabling or locking drops the cache at once.
     */
    Check check(String secret) {
        Optional<AccessKeyStore.KeyRow> found = secret.startsWith(PREFIX) ? caches.key(hash(secret), store)
                : Optional.empty();
        if (found.isEmpty()) {
            return new Check.Invalid("unknown access key", null);
        }
        AccessKeyStore.KeyRow key = found.get();
        Instant now = clock.instant();
        String state = state(key, now);
        if (!"active".equals(state)) {
            return new Check.Invalid("access key " + key.id() + " is " + state, key.id().toString());
        }
        if (!key.userEnabled() || key.userLockedUntil() != null && key.userLockedUntil().isAfter(now)) {
            return new Check.Invalid("the owner of access key " + key.id() + " is disabled or locked",
                    key.id().toString());
        }
        if (due(key.id(), now) && store.touch(key.id(), now, now.minus(USE_RESOLUTION))) {
            audit.record("accesskey.use", key.username(), key.id().toString(),
                    AuditTarget.of("iam", "accesskeys", key.id().toString()), 200, "key '" + key.name() + "' used");
        }
        return new Check.Valid(new Actor(key.username(), key.id().toString(), "accesskey"));
    }

    /** Whether this replica should refresh the key's last-used time (at most once per resolution). */
    private boolean due(UUID id, Instant now) {
        Instant last = touched.get(id);
        if (last != null && last.isAfter(now.minus(USE_RESOLUTION))) {
            return false;
        }
        if (touched.size() > 100_000) {
            touched.clear();
        }
        touched.put(id, now);
        return true;
    }

    private AccessKey view(AccessKeyStore.KeyRow k) {
        return new AccessKey(k.id(), k.username(), k.name(), k.createdAt(), k.expiresAt(), k.lastUsedAt(),
                k.revokedAt(), state(k, clock.instant()));
    }

    private static String state(AccessKeyStore.KeyRow k, Instant now) {
        if (k.revokedAt() != null) {
            return "revoked";
        }
        if (k.expiresAt() != null && !k.expiresAt().isAfter(now)) {
            return "expired";
        }
        return "active";
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
