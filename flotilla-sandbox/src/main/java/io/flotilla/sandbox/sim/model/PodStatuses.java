package io.flotilla.sandbox.sim.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.store.Json;
import java.time.Instant;

/** The pod status a kubelet would report in each simulated state. Pure logic. */
public final class PodStatuses {

  private PodStatuses() {
  }

  /** Pending and unschedulable: PodScheduled=False with the scheduler's message. */
  public static ObjectNode unschedulable(String message, Instant now) {
    ObjectNode status = Json.object();
    status.put("phase", "Pending");
    status.put("qosClass", "BestEffort");
    ArrayNode conditions = status.putArray("conditions");
    condition(conditions, "PodScheduled", "False", "Unschedulable", message, now);
    return status;
  }

  /** Bound to a node, containers not yet started. */
  public static ObjectNode scheduled(JsonNode pod, Instant now) {
    ObjectNode status = Json.object();
    status.put("phase", "Pending");
    status.put("qosClass", qos(pod));
    ArrayNode conditions = status.putArray("conditions");
    condition(conditions, "PodScheduled", "True", null, null, now);
    return status;
  }

  /**
   * Running; {@code ready} false with a waiting reason for crash loops and image pull failures.
   *
   * @param restarts restart count of every container
   * @param waiting  waiting reason (CrashLoopBackOff, ImagePullBackOff) or null when running
   */
  public static ObjectNode running(JsonNode pod, String hostIp, String podIp, Instant started, int restarts,
                                   String waiting, Instant now) {
    boolean ready = waiting == null;
    ObjectNode status = Json.object();
    status.put("phase", waiting != null && waiting.contains("Image") ? "Pending" : "Running");
    status.put("hostIP", hostIp);
    status.putArray("hostIPs").addObject().put("ip", hostIp);
    status.put("podIP", podIp);
    status.putArray("podIPs").addObject().put("ip", podIp);
    status.put("startTime", Json.timestamp(started));
    status.put("qosClass", qos(pod));
    ArrayNode conditions = status.putArray("conditions");
    String when = Json.timestamp(started);
    condition(conditions, "PodReadyToStartContainers", "True", null, null, started);
    condition(conditions, "Initialized", "True", null, null, started);
    condition(conditions, "Ready", ready ? "True" : "False", ready ? null : "ContainersNotReady",
        ready ? null : "containers with unready status: [" + names(pod) + "]", started);
    condition(conditions, "ContainersReady", ready ? "True" : "False", ready ? null : "ContainersNotReady",
        ready ? null : "containers with unready status: [" + names(pod) + "]", started);
    condition(conditions, "PodScheduled", "True", null, null, started);
    ArrayNode statuses = status.putArray("containerStatuses");
    for (JsonNode c : pod.at("/spec/containers")) {
      ObjectNode s = statuses.addObject();
      String image = c.path("image").asText();
      s.put("name", c.path("name").asText());
      s.put("image", image);
      s.put("imageID", waiting != null && waiting.contains("Image") ? "" : imageId(image));
      if (waiting == null || !waiting.contains("Image")) {
        s.put("containerID", "containerd://" + sha(Json.uid(pod) + c.path("name").asText() + restarts));
      }
      s.put("ready", ready);
      s.put("started", ready);
      s.put("restartCount", restarts);
      ObjectNode state = s.putObject("state");
      if (ready) {
        state.putObject("running").put("startedAt", when);
      } else {
        String message = waiting.contains("Image")
            ? "Back-off pulling image \"" + image + "\""
            : "back-off " + Math.min(300, 10L << Math.min(5, restarts)) + "s restarting failed container="
                + c.path("name").asText() + " pod=" + Json.name(pod) + "_" + Json.namespace(pod) + "("
                + Json.uid(pod) + ")";
        state.putObject("waiting").put("reason", waiting).put("message", message);
        if (restarts > 0) {
          s.putObject("lastState").putObject("terminated").put("exitCode", 1).put("reason", "Error")
              .put("startedAt", Json.timestamp(now.minusSeconds(3))).put("finishedAt", Json.timestamp(now))
              .put("containerID", "containerd://" + sha(Json.uid(pod) + c.path("name").asText() + (restarts - 1)));
        }
      }
    }
    return status;
  }

  /** Finished: Succeeded (exit 0, Completed) or Failed (exit 1, Error). */
  public static ObjectNode finished(JsonNode pod, boolean succeeded, Instant now) {
    ObjectNode status = ((ObjectNode) pod.path("status")).deepCopy();
    status.put("phase", succeeded ? "Succeeded" : "Failed");
    ArrayNode conditions = status.putArray("conditions");
    Instant started = Json.instant(Json.text(pod, "status.startTime"));
    Instant start = started == null ? now : started;
    condition(conditions, "PodReadyToStartContainers", "False", null, null, now);
    condition(conditions, "Initialized", "True", succeeded ? "PodCompleted" : null, null, start);
    condition(conditions, "Ready", "False", succeeded ? "PodCompleted" : "PodFailed", null, now);
    condition(conditions, "ContainersReady", "False", succeeded ? "PodCompleted" : "PodFailed", null, now);
    condition(conditions, "PodScheduled", "True", null, null, start);
    ArrayNode statuses = status.putArray("containerStatuses");
    for (JsonNode c : pod.at("/spec/containers")) {
      ObjectNode s = statuses.addObject();
      s.put("name", c.path("name").asText());
      s.put("image", c.path("image").asText());
      s.put("imageID", imageId(c.path("image").asText()));
      s.put("containerID", "containerd://" + sha(Json.uid(pod) + c.path("name").asText()));
      s.put("ready", false);
      s.put("started", false);
      s.put("restartCount", 0);
      s.putObject("state").putObject("terminated").put("exitCode", succeeded ? 0 : 1)
          .put("reason", succeeded ? "Completed" : "Error").put("startedAt", Json.timestamp(start))
          .put("finishedAt", Json.timestamp(now))
          .put("containerID", "containerd://" + sha(Json.uid(pod) + c.path("name").asText()));
    }
    return status;
  }

  public static boolean isReady(JsonNode pod) {
    for (JsonNode c : pod.at("/status/conditions")) {
      if ("Ready".equals(c.path("type").asText())) {
        return "True".equals(c.path("status").asText());
      }
    }
    return false;
  }

  public static String phase(JsonNode pod) {
    return pod.at("/status/phase").asText("Pending");
  }

  public static boolean isTerminal(JsonNode pod) {
    String phase = phase(pod);
    return phase.equals("Succeeded") || phase.equals("Failed");
  }

  private static void condition(ArrayNode conditions, String type, String value, String reason, String message,
                                Instant time) {
    ObjectNode c = conditions.addObject();
    c.put("type", type);
    c.put("status", value);
    c.putNull("lastProbeTime");
    c.put("lastTransitionTime", Json.timestamp(time));
    if (reason != null) {
      c.put("reason", reason);
    }
    if (message != null) {
      c.put("message", message);
    }
  }

  private static String names(JsonNode pod) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode c : pod.at("/spec/containers")) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(c.path("name").asText());
    }
    return sb.toString();
  }

  private static String qos(JsonNode pod) {
    boolean anyRequest = false;
    boolean guaranteed = true;
    for (JsonNode c : pod.at("/spec/containers")) {
      JsonNode requests = c.at("/resources/requests");
      JsonNode limits = c.at("/resources/limits");
      anyRequest |= requests.size() > 0 || limits.size() > 0;
      guaranteed &= limits.has("cpu") && limits.has("memory")
          && (!requests.has("cpu") || requests.get("cpu").equals(limits.get("cpu")))
          && (!requests.has("memory") || requests.get("memory").equals(limits.get("memory")));
    }
    return !anyRequest ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
  }

  static String imageId(String image) {
    String repo = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int colon = repo.lastIndexOf(':');
    if (colon > repo.lastIndexOf('/')) {
      repo = repo.substring(0, colon);
    }
    if (!repo.contains("/")) {
      repo = "docker.io/library/" + repo;
    } else if (!repo.substring(0, repo.indexOf('/')).contains(".")) {
      repo = "docker.io/" + repo;
    }
    return repo + "@sha256:" + sha(image);
  }

  /** A stable 64-hex-digit pseudo digest of the text. */
  static String sha(String text) {
    long h1 = 0xcbf29ce484222325L;
    long h2 = 0x84222325cbf29ce4L;
    for (char ch : text.toCharArray()) {
      h1 = (h1 ^ ch) * 0x100000001b3L;
      h2 = (h2 ^ ch) * 0x100000001b3L + 7;
    }
    return String.format("%016x%016x%016x%016x", h1, h2, Long.rotateLeft(h1, 17) ^ h2, Long.rotateLeft(h2, 31)
        ^ h1);
  }
}
