package io.flotilla.inspection.checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every check Flotilla knows, by id. Immutable; built once. */
public final class Catalogue {

    private final Map<String, Check> byId;

    private Catalogue(List<Check> checks) {
        Map<String, Check> map = new LinkedHashMap<>();
        for (Check c : checks) {
            if (map.putIfAbsent(c.id(), c) != null) {
                throw new IllegalStateException("duplicate check id " + c.id());
            }
        }
        this.byId = Collections.unmodifiableMap(map);
    }

    /** The built-in catalogue: all categories. */
    public static Catalogue builtIn() {
        List<Check> all = new ArrayList<>();
        all.addAll(ClusterChecks.all());
        all.addAll(ControlPlaneChecks.all());
        all.addAll(NodeChecks.all());
        all.addAll(WorkloadChecks.all());
        all.addAll(SecurityChecks.all());
        all.addAll(RbacChecks.all());
        all.addAll(NetworkChecks.all());
        all.addAll(StorageChecks.all());
        all.addAll(HygieneChecks.all());
        return new Catalogue(all);
    }

    public List<Check> checks() {
        return List.copyOf(byId.values());
    }

    public Optional<Check> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public int size() {
        return byId.size();
    }
}
