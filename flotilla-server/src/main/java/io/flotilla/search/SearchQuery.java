package io.flotilla.search;

import io.flotilla.platform.LabelSelector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One search over the index, parsed and validated: what to find, in which order, one page of it.
 * Built by {@link SearchParams} from URL queries and {@code search.clusterpedia.io/*} labels; scoped
 * to resource types (and a cluster/namespace from the URL path) by the caller.
 *
 * @param types resource types searched (one for a Kubernetes list, several for collections)
 * @param cluster the cluster named in the URL path, or null
 * @param namespace the namespace named in the URL path, or null
 * @param clusters cluster names to keep / drop
 * @param namespaces namespaces to keep / drop
 * @param names object names to keep / drop
 * @param fuzzyNames substrings every name must contain (case-insensitive)
 * @param since creation time lower bound (inclusive), or null
 * @param before creation time upper bound (exclusive), or null
 * @param owner owner filter, or null
 * @param labels the label selector without the search keys
 * @param fields field selector requirements over the objects' JSON
 * @param orderBy requested order (the primary key is appended as a tie-breaker)
 * @param limit page size
 * @param withContinue whether a continue token is returned when more results exist
 * @param withRemainingCount whether the count of the remaining results is returned
 * @param continueToken token of the previous page, or null
 * @param onlyMetadata whether items carry only apiVersion, kind and metadata
 * @param offset results to skip before the page (Clusterpedia's offset paging; 0 = none)
 */
public record SearchQuery(List<SearchType> types, String cluster, String namespace, Values clusters,
        Values namespaces, Values names, List<String> fuzzyNames, Instant since, Instant before, Owner owner,
        LabelSelector labels, List<SearchFieldSelector.Requirement> fields, List<SearchOrder> orderBy, int limit,
        boolean withContinue, boolean withRemainingCount, String continueToken, boolean onlyMetadata, int offset) {

    public SearchQuery {
        types = List.copyOf(types);
        fuzzyNames = List.copyOf(fuzzyNames);
        fields = List.copyOf(fields);
        orderBy = List.copyOf(orderBy);
    }

    /**
     * Values to keep ({@code in}, null = no restriction) and to drop ({@code notIn}).
     */
    public record Values(List<String> in, List<String> notIn) {
        public static final Values ANY = new Values(null, List.of());

        public Values {
            in = in == null ? null : List.copyOf(new TreeSet<>(in));
            notIn = List.copyOf(new TreeSet<>(notIn));
        }

        public boolean restricts() {
            return in != null || !notIn.isEmpty();
        }

        /** Both restrictions at once: intersection of the kept values, union of the dropped ones. */
        public Values and(Values other) {
            List<String> keep;
            if (in == null) {
                keep = other.in;
            } else if (other.in == null) {
                keep = in;
            } else {
                keep = new ArrayList<>(in);
                keep.retainAll(other.in);
            }
            List<String> drop = new ArrayList<>(notIn);
            drop.addAll(other.notIn);
            return new Values(keep, drop);
        }
    }

    /**
     * Objects owned by an owner, directly ({@code seniority} 0) or through {@code seniority} generations
     * (1: Deployment → ReplicaSet → Pods).
     *
     * @param uid owner uid (takes precedence over name)
     * @param name owner name, when no uid is given
     * @param group the owner's API group when {@code resource} is set ("" for core)
     * @param resource the owner's resource (plural), or null for any
     */
    public record Owner(String uid, String name, String group, String resource, int seniority) {}

    /** The same search restricted to types and to the URL path's cluster and namespace. */
    public SearchQuery scoped(List<SearchType> scopeTypes, String scopeCluster, String scopeNamespace) {
        return new SearchQuery(scopeTypes, scopeCluster, scopeNamespace, clusters, namespaces, names, fuzzyNames,
                since, before, owner, labels, fields, orderBy, limit, withContinue, withRemainingCount,
                continueToken, onlyMetadata, offset);
    }

    public SearchQuery withNames(Values newNames) {
        return new SearchQuery(types, cluster, namespace, clusters, namespaces, newNames, fuzzyNames, since, before,
                owner, labels, fields, orderBy, limit, withContinue, withRemainingCount, continueToken, onlyMetadata,
                offset);
    }

    public SearchQuery withLimit(int newLimit) {
        return new SearchQuery(types, cluster, namespace, clusters, namespaces, names, fuzzyNames, since, before,
                owner, labels, fields, orderBy, newLimit, withContinue, withRemainingCount, continueToken,
                onlyMetadata, offset);
    }

    public SearchQuery withOffset(int newOffset) {
        return new SearchQuery(types, cluster, namespace, clusters, namespaces, names, fuzzyNames, since, before,
                owner, labels, fields, orderBy, limit, withContinue, withRemainingCount, continueToken,
                onlyMetadata, newOffset);
    }

    public SearchQuery withOnlyMetadata(boolean metadata) {
        return new SearchQuery(types, cluster, namespace, clusters, namespaces, names, fuzzyNames, since, before,
                owner, labels, fields, orderBy, limit, withContinue, withRemainingCount, continueToken, metadata,
                offset);
    }

    /**
     * A canonical text of what is searched and in which order (not the page size, token or response
     * options), the same on every server: continue tokens are bound to it.
     */
    public String shape() {
        Map<String, Object> s = new TreeMap<>();
        s.put("types", types.stream().map(t -> t.group() + "/" + t.version() + "/" + t.resource()).sorted().toList());
        s.put("cluster", String.valueOf(cluster));
        s.put("namespace", String.valueOf(namespace));
        s.put("clusters", clusters);
        s.put("namespaces", namespaces);
        s.put("names", names);
        s.put("fuzzy", new TreeSet<>(fuzzyNames));
        s.put("since", String.valueOf(since));
        s.put("before", String.valueOf(before));
        s.put("owner", String.valueOf(owner));
        s.put("labels", labels.requirements().stream()
                .map(r -> r.key() + " " + r.operator() + " " + new TreeSet<>(r.values())).sorted().toList());
        s.put("fields", fields.stream().map(String::valueOf).sorted().toList());
        s.put("order", orderBy);
        return s.toString();
    }
}
