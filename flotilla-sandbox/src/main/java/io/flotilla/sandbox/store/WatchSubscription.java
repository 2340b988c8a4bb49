package io.flotilla.sandbox.store;

import io.flotilla.sandbox.api.ResourceType;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A live watch on a store. Objects that stop matching the selectors are reported as DELETED, objects that
 * start matching as ADDED, like the Kubernetes watch cache does.
 */
public final class WatchSubscription implements AutoCloseable {

  private final ResourceType type;
  private final String namespace;
  private final LabelSelector labels;
  private final FieldSelector fields;
  private final Consumer<StoreEvent> sink;
  private final List<WatchSubscription> registry;
  private volatile boolean closed;

  WatchSubscription(ResourceType type, String namespace, LabelSelector labels, FieldSelector fields,
                    Consumer<StoreEvent> sink, List<WatchSubscription> registry) {
    this.type = type;
    this.namespace = namespace;
    this.labels = labels;
    this.fields = fields;
    this.sink = sink;
    this.registry = registry;
  }

  void offer(StoreEvent event) {
    StoredObject object = event.object();
    if (closed || !object.type().groupResource().equals(type.groupResource())) {
      return;
    }
    if (namespace != null && type.namespaced() && !Objects.equals(namespace, object.namespace())) {
      return;
    }
    boolean now = matches(object);
    boolean before = event.previous() != null && matches(event.previous());
    switch (event.type()) {
      case ADDED -> {
        if (now) {
          sink.accept(event);
        }
      }
      case MODIFIED -> {
        if (now && before) {
          sink.accept(event);
        } else if (now) {
          sink.accept(new StoreEvent(StoreEvent.Type.ADDED, object, null));
        } else if (before) {
          sink.accept(new StoreEvent(StoreEvent.Type.DELETED, object, event.previous()));
        }
      }
      case DELETED -> {
        if (now) {
          sink.accept(event);
        }
      }
    }
  }

  private boolean matches(StoredObject object) {
    return labels.matches(object.labels()) && fields.matches(object.object());
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    registry.remove(this);
  }
}
