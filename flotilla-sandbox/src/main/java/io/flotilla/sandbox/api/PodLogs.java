package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.sandbox.store.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic, deterministic container logs for {@code pods/log}. Pure logic: a container's log is a
 * function of the pod, the container and the time, so a plain read and a follow agree line for line.
 *
 * <p>A running container logs two start-up lines, then one probe line every {@link #INTERVAL}. The
 * history kept is the last {@link #HISTORY} lines, as a kubelet keeps a bounded log file.
 */
public final class PodLogs {

  /** Time between two probe lines of a running container. */
  public static final Duration INTERVAL = Duration.ofSeconds(2);
  /** Lines of history kept per container. */
  public static final int HISTORY = 500;

  private PodLogs() {
  }

  /**
   * What to read.
   *
   * @param container  container name, or null for the first container
   * @param tailLines  last N lines, negative for all
   * @param since      only lines at or after this instant, or null
   * @param timestamps prefix each line with its RFC 3339 time (the lines already start with one; kept as is)
   */
  public record Query(String container, long tailLines, Instant since, boolean timestamps) {}

  /** The log as it stands at {@code now}. */
  public static String render(JsonNode pod, String container, long tailLines, Instant now) {
    return render(pod, new Query(container, tailLines, null, false), now);
  }

  public static String render(JsonNode pod, Query query, Instant now) {
    Instant start = startOf(pod, now);
    List<Instant> times = new ArrayList<>();
    long count = linesUpTo(start, now);
    for (long i = Math.max(0, count - HISTORY); i < count; i++) {
      Instant t = timeOf(start, i);
      if (query.since() == null || !t.isBefore(query.since())) {
        times.add(t);
      }
    }
    if (query.tailLines() >= 0 && query.tailLines() < times.size()) {
      times = times.subList(times.size() - (int) query.tailLines(), times.size());
    }
    StringBuilder out = new StringBuilder();
    for (Instant t : times) {
      out.append(line(pod, query.container(), start, t)).append('\n');
    }
    return out.toString();
  }

  /** The lines written after {@code after} up to and including {@code now} (for follow). */
  public static String between(JsonNode pod, String container, Instant after, Instant now) {
    Instant start = startOf(pod, now);
    StringBuilder out = new StringBuilder();
    long from = linesUpTo(start, after);
    long to = linesUpTo(start, now);
    for (long i = Math.max(from, to - HISTORY); i < to; i++) {
      out.append(line(pod, container, start, timeOf(start, i))).append('\n');
    }
    return out.toString();
  }

  /** Whether the pod has the container (null = the first one). */
  public static boolean hasContainer(JsonNode pod, String container) {
    return container == null || containerOf(pod, container) != null;
  }

  /** Number of lines logged at or before {@code now}: two start-up lines, then one per interval. */
  static long linesUpTo(Instant start, Instant now) {
    if (now.isBefore(start)) {
      return 0;
    }
    long elapsed = Duration.between(start, now).toMillis();
    return 1 + (elapsed >= 1000 ? 1 : 0) + elapsed / INTERVAL.toMillis();
  }

  /** Time of line {@code i}: line 0 at start, line 1 one second later, then every interval. */
  static Instant timeOf(Instant start, long i) {
    if (i == 0) {
      return start;
    }
    if (i == 1) {
      return start.plusSeconds(1);
    }
    return start.plus(INTERVAL.multipliedBy(i - 1));
  }

  private static String line(JsonNode pod, String container, Instant start, Instant t) {
    JsonNode c = containerOf(pod, container);
    String name = c == null ? String.valueOf(container) : c.path("name").asText();
    if (t.equals(start)) {
      return t + " [sandbox] container " + name + " started from image " + (c == null ? "" : c.path("image").asText());
    }
    if (t.equals(start.plusSeconds(1))) {
      return t + " [sandbox] listening on :8080";
    }
    long n = Duration.between(start, t).toSeconds() / INTERVAL.toSeconds();
    return t + " [sandbox] GET /healthz 200 " + (n % 7 + 1) + "ms";
  }

  private static JsonNode containerOf(JsonNode pod, String container) {
    for (JsonNode c : pod.at("/spec/containers")) {
      if (container == null || container.equals(c.path("name").asText())) {
        return c;
      }
    }
    return null;
  }

  private static Instant startOf(JsonNode pod, Instant now) {
    String started = Json.text(pod, "status.startTime");
    return started == null ? now : Instant.parse(started);
  }
}
