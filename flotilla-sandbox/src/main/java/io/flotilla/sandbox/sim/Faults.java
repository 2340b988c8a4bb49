package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.sandbox.store.Json;

/** Fault injection annotations understood by the simulator. */
public final class Faults {

  /** Annotation on a node ({@code NotReady}) or a pod / pod template ({@code CrashLoopBackOff}, ...). */
  public static final String ANNOTATION = "sandbox.flotilla.io/fault";
  public static final String NOT_READY = "NotReady";
  public static final String CRASH_LOOP = "CrashLoopBackOff";
  public static final String IMAGE_PULL = "ImagePullBackOff";
  /** Pod template annotation: seconds a Job pod runs before it succeeds. */
  public static final String RUN_SECONDS = "sandbox.flotilla.io/run-seconds";

  private Faults() {
  }

  /** The fault of a pod: its annotation, or ImagePullBackOff for images tagged {@code :doesnotexist}. */
  public static String ofPod(JsonNode pod) {
    String fault = Json.annotations(pod).get(ANNOTATION);
    if (fault != null && !fault.isEmpty()) {
      return fault;
    }
    for (JsonNode c : pod.at("/spec/containers")) {
      if (c.path("image").asText().contains(":doesnotexist")) {
        return IMAGE_PULL;
      }
    }
    return null;
  }

  public static boolean nodeNotReady(JsonNode node) {
    return NOT_READY.equals(Json.annotations(node).get(ANNOTATION));
  }
}
