package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.sandbox.store.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Synthetic, deterministic container logs for {@code pods/log}. Pure logic. */
public final class PodLogs {

  private PodLogs() {
  }

  public static String render(JsonNode pod, String container, long tailLines, Instant now) {
    String name = container;
    String image = "";
    for (JsonNode c : pod.at("/spec/containers")) {
      if (name == null || name.equals(c.path("name").asText())) {
        name = c.path("name").asText();
        image = c.path("image").asText();
        break;
      }
    }
    String started = Json.text(pod, "status.startTime");
    Instant start = started == null ? now : Instant.parse(started);
    List<String> lines = new ArrayList<>();
    lines.add(start + " [sandbox] container " + name + " started from image " + image);
    lines.add(start.plusSeconds(1) + " [sandbox] listening on :8080");
    long minutes = Math.max(0, Duration.between(start, now).toMinutes());
    for (long m = 1; m <= Math.min(minutes, 50); m++) {
      lines.add(start.plusSeconds(m * 60) + " [sandbox] GET /healthz 200 " + (m % 7 + 1) + "ms");
    }
    if (tailLines >= 0 && tailLines < lines.size()) {
      lines = lines.subList(lines.size() - (int) tailLines, lines.size());
    }
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }
}
