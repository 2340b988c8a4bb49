package io.flotilla.iam;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The identity module's short-lived caches: valid access keys by hash and policy inputs by user
 * name (see {@link IamProperties.Cache}). Every store that changes what they hold (users, groups,
 * members, role bindings, folders, workspaces, resource bindings, access keys) calls
 * {@link #changed()}, which empties both at once and again when the surrounding transaction ends,
 * so a request running meanwhile cannot cache what the change replaces.
 */
@Component
class IamCaches {

    private final TtlCache<String, AccessKeyStore.KeyRow> keys;
    private final TtlCache<String, PolicyInput> policies;

    IamCaches(IamProperties properties, Clock clock) {
        IamProperties.Cache c = properties.cache();
        this.keys = new TtlCache<>(c.ttl(), c.maxEntries(), clock);
        this.policies = new TtlCache<>(c.ttl(), c.maxEntries(), clock);
    }

    /** The key row stored under this hash (cached while found), empty when none is. */
    Optional<AccessKeyStore.KeyRow> key(String hash, AccessKeyStore store) {
        return Optional.ofNullable(keys.get(hash, h -> store.byHash(h).orElse(null)));
    }

    /** The policy input of this user, cached. */
    PolicyInput policy(String username, PolicyLoader loader) {
        return policies.get(username, loader::load);
    }

    /** Identity data changed: forget everything now and once more after the transaction. */
    void changed() {
        invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    invalidateAll();
                }
            });
        }
    }

    private void invalidateAll() {
        keys.invalidateAll();
        policies.invalidateAll();
    }
}
