package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;

/** The READY / STATUS / RESTARTS texts kubectl shows for a pod. Pure logic. */
public final class PodText {

  private PodText() {
  }

  public static String ready(JsonNode pod) {
    int total = pod.at("/spec/containers").size();
    int ready = 0;
    for (JsonNode s : pod.at("/status/containerStatuses")) {
      if (s.path("ready").asBoolean(false)) {
        ready++;
      }
    }
    return ready + "/" + total;
  }

  public static String restarts(JsonNode pod) {
    long restarts = 0;
    for (JsonNode s : pod.at("/status/containerStatuses")) {
      restarts += s.path("restartCount").asLong(0);
    }
    return Long.toString(restarts);
  }

  /** Port of the reason logic of {@code printPod}: waiting/terminated reasons win over the phase. */
  public static String status(JsonNode pod) {
    String reason = pod.at("/status/phase").asText("Pending");
    if (!pod.at("/status/reason").asText("").isEmpty()) {
      reason = pod.at("/status/reason").asText();
    }
    for (JsonNode s : pod.at("/status/containerStatuses")) {
      String waiting = s.at("/state/waiting/reason").asText("");
      String terminated = s.at("/state/terminated/reason").asText("");
      if (!waiting.isEmpty()) {
        reason = waiting;
      } else if (!terminated.isEmpty() && !"Succeeded".equals(pod.at("/status/phase").asText())) {
        reason = terminated;
      }
    }
    if ("Succeeded".equals(pod.at("/status/phase").asText())) {
      reason = "Completed";
    }
    if (!pod.at("/metadata/deletionTimestamp").asText("").isEmpty()) {
      reason = "Terminating";
    }
    return reason;
  }
}
