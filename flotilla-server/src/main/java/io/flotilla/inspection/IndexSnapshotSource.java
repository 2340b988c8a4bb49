package io.flotilla.inspection;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.flotilla.search.SearchIndex;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads the kinds the search index holds for a cluster from the index (through {@link SearchIndex} only),
 * unmarshalled into the snapshot's fabric8 model classes.
 */
@Component
class IndexSnapshotSource {

    private final SearchIndex index;
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    IndexSnapshotSource(SearchIndex index) {
        this.index = index;
    }

    /** Waits until every change received so far is in the index, so a run sees what the cluster answered. */
    void catchUp() {
        index.flush();
    }

    <T extends HasMetadata> List<T> list(String cluster, Class<T> kind) {
        String group = HasMetadata.getGroup(kind);
        List<T> all = new ArrayList<>();
        index.objects(cluster, group == null ? "" : group, HasMetadata.getPlural(kind),
                json -> all.add(serialization.unmarshal(json, kind)));
        return all;
    }
}
