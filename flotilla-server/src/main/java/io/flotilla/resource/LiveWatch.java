package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An authorised, not yet opened set of cluster watches (one per namespace or kind) merged into one
 * stream of changes. {@link #run} opens them, hands every change to the sink on the calling thread
 * and closes them all when the client goes (the sink throws) or a watch ends.
 */
public final class LiveWatch {

    /** What a change looks like to the sink: ADDED, MODIFIED or DELETED with the object (tidied). */
    public record Change(String type, GenericKubernetesResource object) {}

    /** Receives changes; {@code heartbeat} is called when nothing happened for a while (detects a gone client). */
    public interface Sink {
        void change(Change change) throws Exception;

        void heartbeat() throws Exception;

        /** The cluster ended a watch (e.g. 410 Gone: the resourceVersion is too old): the client should re-list. */
        void expired(String reason) throws Exception;
    }

    private final List<Function<Watcher<GenericKubernetesResource>, Watch>> openers;
    private final Function<GenericKubernetesResource, GenericKubernetesResource> tidy;
    private final long heartbeatMillis;

    LiveWatch(List<Function<Watcher<GenericKubernetesResource>, Watch>> openers,
            Function<GenericKubernetesResource, GenericKubernetesResource> tidy, long heartbeatMillis) {
        this.openers = List.copyOf(openers);
        this.tidy = tidy;
        this.heartbeatMillis = heartbeatMillis;
    }

    private sealed interface Item permits Event, Closed {}

    private record Event(Change change) implements Item {}

    private record Closed(String reason) implements Item {}

    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>(10_000);
    private final List<Watch> open = new ArrayList<>();

    private final Watcher<GenericKubernetesResource> watcher = new Watcher<>() {
        @Override
        public void eventReceived(Action action, GenericKubernetesResource resource) {
            if (action == Action.ADDED || action == Action.MODIFIED || action == Action.DELETED) {
                if (!queue.offer(new Event(new Change(action.name(), tidy.apply(resource))))) {
                    queue.clear();
                    queue.offer(new Closed("the client fell too far behind"));
                }
            }
        }

        @Override
        public void onClose(WatcherException cause) {
            queue.offer(new Closed(cause.isHttpGone() ? "Gone: the resourceVersion is too old"
                    : String.valueOf(cause.getMessage())));
        }

        @Override
        public void onClose() {
            queue.offer(new Closed("the watch ended"));
        }
    };

    /** Opens the watches on the calling thread, so that a cluster that refuses them answers an error. */
    public LiveWatch open() {
        try {
            for (var opener : openers) {
                open.add(opener.apply(watcher));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** Blocks until the client goes away (the sink throws) or the cluster ends a watch; then closes the watches. */
    public void run(Sink sink) throws Exception {
        try {
            while (true) {
                Item item = queue.poll(heartbeatMillis, TimeUnit.MILLISECONDS);
                switch (item) {
                    case null -> sink.heartbeat();
                    case Event e -> sink.change(e.change());
                    case Closed c -> {
                        sink.expired(c.reason());
                        return;
                    }
                }
            }
        } finally {
            close();
        }
    }

    /** Closes every watch (idempotent). */
    public synchronized void close() {
        open.forEach(Watch::close);
        open.clear();
    }
}
