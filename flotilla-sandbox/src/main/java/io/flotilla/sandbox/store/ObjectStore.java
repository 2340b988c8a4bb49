package io.flotilla.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.api.ResourceType;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The object store of one sandbox cluster: what etcd plus the generic API server registry do in a real
 * cluster. All writes are serialised by one lock and numbered by one revision counter; reads are
 * lock-free. Listeners and watches are called under the lock, in revision order, and must not block.
 * See DESIGN.md in this package.
 */
public final class ObjectStore {

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, ConcurrentSkipListMap<String, StoredObject>> objects = new ConcurrentHashMap<>();
  private final Map<String, Set<Ref>> dependents = new HashMap<>();
  private final List<Consumer<StoreEvent>> listeners = new CopyOnWriteArrayList<>();
  private final List<WatchSubscription> watches = new CopyOnWriteArrayList<>();
  private final Deque<StoreEvent> history = new ArrayDeque<>();
  private final Deque<String> eventKeys = new ArrayDeque<>();
  private final int historyCapacity;
  private final int eventCapacity;
  private final Clock clock;
  private final NameGenerator names;
  private volatile long revision;
  private volatile long compactedRevision;

  /** A reference to a stored object. */
  private record Ref(ResourceType type, String namespace, String name) {
  }

  /**
   * @param clock           time source for timestamps
   * @param seed            seed for uids and generated names
   * @param historyCapacity watch events kept for resuming watches from a resourceVersion
   * @param eventCapacity   core/v1 Events kept (oldest are dropped, like the API server's event TTL)
   */
  public ObjectStore(Clock clock, long seed, int historyCapacity, int eventCapacity) {
    this.clock = clock;
    this.names = new NameGenerator(seed);
    this.historyCapacity = historyCapacity;
    this.eventCapacity = eventCapacity;
    this.revision = 1;
  }

  public Clock clock() {
    return clock;
  }

  /** The latest revision (what a list now would report as resourceVersion). */
  public long revision() {
    return revision;
  }

  /** Registers a listener for every change (controllers). Called under the store lock. */
  public void addListener(Consumer<StoreEvent> listener) {
    listeners.add(listener);
  }

  // ---------------------------------------------------------------- reads

  public Optional<StoredObject> get(ResourceType type, String namespace, String name) {
    return Optional.ofNullable(table(type).get(StoredObject.key(type.namespaced() ? namespace : null, name)));
  }

  /** All objects of a type (in one namespace when {@code namespace} is not null). */
  public Collection<StoredObject> list(ResourceType type, String namespace) {
    ConcurrentSkipListMap<String, StoredObject> table = table(type);
    if (namespace == null || !type.namespaced()) {
      return table.values();
    }
    return table.subMap(namespace + "/", namespace + "/\uffff").values();
  }

  public int count(ResourceType type) {
    return table(type).size();
  }

  /**
   * A filtered, optionally paged list. Every page of one list reports the revision of its first page, as the
   * API server does, so a watch started from it replays whatever changed while the pages were read; a
   * continue token older than the compacted history is 410 Gone.
   */
  public ListResult list(ResourceType type, String namespace, LabelSelector labels, FieldSelector fields,
                         long limit, String continueToken) {
    long listRevision = revision;
    if (continueToken != null && !continueToken.isEmpty()) {
      listRevision = ContinueTokens.revision(continueToken);
      if (listRevision < compactedRevision) {
        throw StoreException.gone("The provided continue parameter is too old to display a consistent list result."
            + " You can start a new list without the continue parameter.");
      }
    }
    NavigableMap<String, StoredObject> source = table(type);
    if (namespace != null && type.namespaced()) {
      source = ((ConcurrentSkipListMap<String, StoredObject>) source).subMap(namespace + "/", true,
          namespace + "/\uffff", false);
    }
    if (continueToken != null && !continueToken.isEmpty()) {
      String after = ContinueTokens.decode(continueToken);
      source = source.tailMap(after, false);
    }
    List<StoredObject> items = new ArrayList<>();
    String continueKey = null;
    long remaining = 0;
    for (StoredObject o : source.values()) {
      if (!labels.matches(o.labels()) || !fields.matches(o.object())) {
        continue;
      }
      if (limit > 0 && items.size() >= limit) {
        remaining++;
        continue;
      }
      items.add(o);
    }
    if (remaining > 0) {
      continueKey = items.get(items.size() - 1).key();
    }
    return new ListResult(items, listRevision,
        continueKey == null ? null : ContinueTokens.encode(listRevision, continueKey),
        continueKey == null ? null : remaining);
  }

  /** Objects whose ownerReferences name the given owner uid. */
  public List<StoredObject> dependentsOf(String ownerUid) {
    lock.lock();
    try {
      List<StoredObject> result = new ArrayList<>();
      for (Ref ref : dependents.getOrDefault(ownerUid, Set.of())) {
        get(ref.type(), ref.namespace(), ref.name()).ifPresent(result::add);
      }
      return result;
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------- writes

  /** Creates an object; fills uid, creationTimestamp, resourceVersion, generation and generated names. */
  public StoredObject create(ResourceType type, ObjectNode object, boolean dryRun) {
    lock.lock();
    try {
      ObjectNode meta = Json.with(object, "metadata");
      String name = meta.path("name").asText("");
      if (name.isEmpty()) {
        String prefix = meta.path("generateName").asText("");
        if (prefix.isEmpty()) {
          throw StoreException.invalid(type.kind() + " is invalid: metadata.name: Required value: name or"
              + " generateName is required");
        }
        do {
          name = prefix + randomSuffix(5);
        } while (table(type).containsKey(StoredObject.key(nsOf(type, meta), name)));
        meta.put("name", name);
      }
      String namespace = nsOf(type, meta);
      if (!type.namespaced()) {
        meta.remove("namespace");
      }
      String key = StoredObject.key(namespace, name);
      if (table(type).containsKey(key)) {
        throw StoreException.alreadyExists(type.groupResource(), name);
      }
      object.put("apiVersion", type.apiVersion());
      object.put("kind", type.kind());
      if (!meta.hasNonNull("uid")) {
        meta.put("uid", newUid());
      }
      if (!meta.hasNonNull("creationTimestamp")) {
        meta.put("creationTimestamp", Json.timestamp(clock.instant()));
      }
      if (tracksGeneration(type)) {
        meta.put("generation", 1);
      }
      if (dryRun) {
        meta.put("resourceVersion", Long.toString(revision));
        return new StoredObject(type, namespace, name, revision, object);
      }
      long rev = ++revision;
      meta.put("resourceVersion", Long.toString(rev));
      StoredObject stored = new StoredObject(type, namespace, name, rev, object);
      table(type).put(key, stored);
      index(stored, null);
      publish(new StoreEvent(StoreEvent.Type.ADDED, stored, null));
      if (type.equals(ResourceCatalog.EVENTS)) {
        eventKeys.addLast(key);
        while (eventKeys.size() > eventCapacity) {
          String oldest = eventKeys.removeFirst();
          StoredObject evicted = table(type).remove(oldest);
          if (evicted != null) {
            removed(evicted);
          }
        }
      }
      return stored;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Replaces an object. When the new object carries a resourceVersion it must match (optimistic
   * concurrency); immutable metadata is kept; generation increases when anything but metadata and status
   * changed.
   */
  public StoredObject update(ResourceType type, ObjectNode object, WriteMode mode, boolean dryRun) {
    lock.lock();
    try {
      String name = Json.name(object);
      String namespace = nsOf(type, Json.metadata(object));
      StoredObject current = table(type).get(StoredObject.key(namespace, name));
      if (current == null) {
        throw StoreException.notFound(type.groupResource(), name);
      }
      String expected = Json.text(object, "metadata.resourceVersion");
      if (expected != null && !expected.isEmpty() && !expected.equals(Long.toString(current.resourceVersion()))) {
        throw StoreException.conflict(type.groupResource(), name);
      }
      return write(current, merged(current, object, mode), dryRun);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Read-modify-write under the lock (controllers). {@code change} gets a copy and returns the new
   * object, or null to leave it. Returns the stored result, or empty when the object does not exist.
   */
  public Optional<StoredObject> mutate(ResourceType type, String namespace, String name,
                                       UnaryOperator<ObjectNode> change) {
    lock.lock();
    try {
      StoredObject current = table(type).get(StoredObject.key(type.namespaced() ? namespace : null, name));
      if (current == null) {
        return Optional.empty();
      }
      ObjectNode changed = change.apply(current.copy());
      if (changed == null || changed.equals(current.object())) {
        return Optional.of(current);
      }
      return Optional.of(write(current, merged(current, changed, WriteMode.FULL), false));
    } finally {
      lock.unlock();
    }
  }

  private ObjectNode merged(StoredObject current, ObjectNode incoming, WriteMode mode) {
    ObjectNode next;
    if (mode == WriteMode.STATUS) {
      next = current.copy();
      JsonNode status = incoming.get("status");
      if (status == null) {
        next.remove("status");
      } else {
        next.set("status", status);
      }
    } else {
      next = incoming;
      if (mode == WriteMode.MAIN && current.type().hasStatus()) {
        JsonNode status = current.object().get("status");
        if (status == null) {
          next.remove("status");
        } else {
          next.set("status", status.deepCopy());
        }
      }
    }
    ObjectNode meta = Json.with(next, "metadata");
    ObjectNode oldMeta = Json.metadata(current.object());
    for (String immutable : List.of("uid", "creationTimestamp", "name", "deletionTimestamp")) {
      if (oldMeta.has(immutable)) {
        meta.set(immutable, oldMeta.get(immutable));
      }
    }
    if (current.namespace() != null) {
      meta.put("namespace", current.namespace());
    }
    next.put("apiVersion", current.type().apiVersion());
    next.put("kind", current.type().kind());
    if (tracksGeneration(current.type())) {
      long generation = oldMeta.path("generation").asLong(1);
      meta.put("generation", specChanged(current.object(), next) ? generation + 1 : generation);
    }
    return next;
  }

  private StoredObject write(StoredObject current, ObjectNode next, boolean dryRun) {
    ObjectNode meta = Json.with(next, "metadata");
    if (dryRun) {
      meta.put("resourceVersion", Long.toString(current.resourceVersion()));
      return new StoredObject(current.type(), current.namespace(), current.name(), current.resourceVersion(), next);
    }
    if (meta.has("deletionTimestamp") && finalizers(next).isEmpty()) {
      meta.put("resourceVersion", Long.toString(current.resourceVersion()));
      remove(new StoredObject(current.type(), current.namespace(), current.name(), current.resourceVersion(),
          next), DeletePropagation.BACKGROUND);
      return current;
    }
    long rev = ++revision;
    meta.put("resourceVersion", Long.toString(rev));
    StoredObject stored = new StoredObject(current.type(), current.namespace(), current.name(), rev, next);
    table(current.type()).put(stored.key(), stored);
    index(stored, current);
    publish(new StoreEvent(StoreEvent.Type.MODIFIED, stored, current));
    return stored;
  }

  /**
   * Deletes an object. Objects with finalizers only get a deletionTimestamp. Returns the deleted (or
   * marked) object.
   */
  public StoredObject delete(ResourceType type, String namespace, String name, DeletePropagation propagation,
                             boolean dryRun) {
    lock.lock();
    try {
      StoredObject current = table(type).get(StoredObject.key(type.namespaced() ? namespace : null, name));
      if (current == null) {
        throw StoreException.notFound(type.groupResource(), name);
      }
      if (dryRun) {
        return current;
      }
      if (!finalizers(current.object()).isEmpty()) {
        if (Json.metadata(current.object()).has("deletionTimestamp")) {
          return current;
        }
        ObjectNode marked = current.copy();
        Json.with(marked, "metadata").put("deletionTimestamp", Json.timestamp(clock.instant()))
            .put("deletionGracePeriodSeconds", 0);
        return write(current, marked, false);
      }
      return remove(current, propagation);
    } finally {
      lock.unlock();
    }
  }

  /** Deletes without complaining when absent (controllers). */
  public void deleteIfPresent(ResourceType type, String namespace, String name) {
    lock.lock();
    try {
      if (get(type, namespace, name).isPresent()) {
        delete(type, namespace, name, DeletePropagation.BACKGROUND, false);
      }
    } finally {
      lock.unlock();
    }
  }

  private StoredObject remove(StoredObject current, DeletePropagation propagation) {
    table(current.type()).remove(current.key());
    long rev = ++revision;
    ObjectNode last = current.copy();
    Json.with(last, "metadata").put("resourceVersion", Long.toString(rev));
    StoredObject deleted = new StoredObject(current.type(), current.namespace(), current.name(), rev, last);
    removed(deleted);
    if (current.type().equals(ResourceCatalog.NAMESPACES)) {
      for (ConcurrentSkipListMap<String, StoredObject> table : objects.values()) {
        for (StoredObject o : List.copyOf(table.subMap(current.name() + "/", current.name() + "/\uffff").values())) {
          if (o.type().namespaced() && table.containsKey(o.key())) {
            remove(o, DeletePropagation.BACKGROUND);
          }
        }
      }
    }
    String uid = current.uid();
    Set<Ref> deps = uid == null ? null : dependents.remove(uid);
    if (deps != null) {
      for (Ref ref : deps) {
        StoredObject dependent = get(ref.type(), ref.namespace(), ref.name()).orElse(null);
        if (dependent == null) {
          continue;
        }
        if (propagation == DeletePropagation.ORPHAN) {
          ObjectNode orphan = dependent.copy();
          ArrayNode refs = (ArrayNode) Json.metadata(orphan).get("ownerReferences");
          for (Iterator<JsonNode> it = refs.iterator(); it.hasNext(); ) {
            if (uid.equals(it.next().path("uid").asText())) {
              it.remove();
            }
          }
          write(dependent, orphan, false);
        } else {
          remove(dependent, propagation);
        }
      }
    }
    return deleted;
  }

  private void removed(StoredObject deleted) {
    index(null, deleted);
    publish(new StoreEvent(StoreEvent.Type.DELETED, deleted, deleted));
  }

  // ---------------------------------------------------------------- watches

  /**
   * Starts a watch. With {@code fromRevision} < 0 the current matching objects are sent first as ADDED
   * events ("get state and start at most recent"); otherwise events after that revision are replayed.
   *
   * @throws StoreException 410 when the revision is older than the kept history
   */
  public WatchSubscription watch(ResourceType type, String namespace, LabelSelector labels, FieldSelector fields,
                                 long fromRevision, Consumer<StoreEvent> sink) {
    lock.lock();
    try {
      WatchSubscription subscription = new WatchSubscription(type, namespace, labels, fields, sink, watches);
      if (fromRevision < 0) {
        for (StoredObject o : list(type, namespace)) {
          if (labels.matches(o.labels()) && fields.matches(o.object())) {
            sink.accept(new StoreEvent(StoreEvent.Type.ADDED, o, null));
          }
        }
      } else {
        if (fromRevision < compactedRevision) {
          throw StoreException.gone("too old resource version: " + fromRevision + " (" + compactedRevision + ")");
        }
        for (StoreEvent event : history) {
          if (event.revision() > fromRevision) {
            subscription.offer(event);
          }
        }
      }
      watches.add(subscription);
      return subscription;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code action} with the current revision under the store lock, so nothing is published meanwhile
   * (watch bookmarks: every event up to that revision has reached the watches).
   */
  public void atRevision(java.util.function.LongConsumer action) {
    lock.lock();
    try {
      action.accept(revision);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Drops the watch history up to now, as etcd compaction does: watches from an older revision, and continue
   * tokens of older lists, get 410 Gone; watches already open go on.
   */
  public void compact() {
    lock.lock();
    try {
      history.clear();
      compactedRevision = revision;
    } finally {
      lock.unlock();
    }
  }

  private void publish(StoreEvent event) {
    history.addLast(event);
    while (history.size() > historyCapacity) {
      compactedRevision = history.removeFirst().revision();
    }
    for (WatchSubscription watch : watches) {
      watch.offer(event);
    }
    for (Consumer<StoreEvent> listener : listeners) {
      listener.accept(event);
    }
  }

  // ---------------------------------------------------------------- helpers

  private ConcurrentSkipListMap<String, StoredObject> table(ResourceType type) {
    return objects.computeIfAbsent(type.groupResource(), k -> new ConcurrentSkipListMap<>());
  }

  private static String nsOf(ResourceType type, JsonNode meta) {
    if (!type.namespaced()) {
      return null;
    }
    String ns = meta.path("namespace").asText("");
    return ns.isEmpty() ? "default" : ns;
  }

  private static boolean tracksGeneration(ResourceType type) {
    return !type.equals(ResourceCatalog.EVENTS) && !type.equals(ResourceCatalog.EVENTS_V1)
        && !type.equals(ResourceCatalog.LEASES);
  }

  private static boolean specChanged(ObjectNode before, ObjectNode after) {
    Set<String> fields = new HashSet<>();
    before.fieldNames().forEachRemaining(fields::add);
    after.fieldNames().forEachRemaining(fields::add);
    for (String field : fields) {
      if (field.equals("metadata") || field.equals("status") || field.equals("apiVersion")
          || field.equals("kind")) {
        continue;
      }
      JsonNode a = before.get(field);
      JsonNode b = after.get(field);
      if (a == null ? b != null : !a.equals(b)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> finalizers(JsonNode object) {
    List<String> result = new ArrayList<>();
    Json.metadata(object).path("finalizers").forEach(f -> result.add(f.asText()));
    return result;
  }

  private void index(StoredObject now, StoredObject before) {
    if (before != null) {
      for (JsonNode ref : Json.metadata(before.object()).path("ownerReferences")) {
        Set<Ref> set = dependents.get(ref.path("uid").asText());
        if (set != null) {
          set.remove(new Ref(before.type(), before.namespace(), before.name()));
          if (set.isEmpty()) {
            dependents.remove(ref.path("uid").asText());
          }
        }
      }
    }
    if (now != null) {
      for (JsonNode ref : Json.metadata(now.object()).path("ownerReferences")) {
        dependents.computeIfAbsent(ref.path("uid").asText(), k -> new HashSet<>())
            .add(new Ref(now.type(), now.namespace(), now.name()));
      }
    }
  }

  /** A random uid (version-4 layout) from the store's seeded generator. */
  public String newUid() {
    return names.uid();
  }

  /** A random suffix in the alphabet Kubernetes uses for generated names. */
  public String randomSuffix(int length) {
    return names.suffix(length);
  }
}
