package io.flotilla.sandbox.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.store.StoredObject;
import org.junit.jupiter.api.Test;

class SchedulerControllerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final SchedulerController scheduler = new SchedulerController(null);

  private static ObjectNode pod(String name, String node, String phase, String annotation, String cpu) {
    ObjectNode pod = JSON.createObjectNode();
    pod.putObject("metadata").put("name", name).put("namespace", "ns").putObject("annotations").put("a", annotation);
    ObjectNode spec = pod.putObject("spec");
    if (node != null) {
      spec.put("nodeName", node);
    }
    spec.putArray("containers").addObject().put("name", "c").putObject("resources").putObject("requests")
        .put("cpu", cpu);
    pod.putObject("status").put("phase", phase);
    return pod;
  }

  private static StoredObject stored(ObjectNode pod) {
    return new StoredObject(ResourceCatalog.PODS, "ns", pod.path("metadata").path("name").asText(), 1, pod);
  }

  @Test
  void aNewPodWithoutANodeIsScheduledButMetadataOrStatusChangesOfAWaitingPodAreNot() {
    ObjectNode waiting = pod("w", null, "Pending", "1", "100m");
    assertThat(scheduler.track(stored(waiting), null, false)).isTrue();
    ObjectNode annotated = pod("w", null, "Pending", "2", "100m");
    assertThat(scheduler.track(stored(annotated), waiting, false)).as("annotation changed").isFalse();
    ObjectNode smaller = pod("w", null, "Pending", "2", "50m");
    assertThat(scheduler.track(stored(smaller), annotated, false)).as("requests changed").isTrue();
  }

  @Test
  void freedCapacityRetriesWaitingPodsAndNothingElseDoes() {
    ObjectNode running = pod("r", "node-1", "Running", "1", "100m");
    assertThat(scheduler.track(stored(running), null, false)).as("nothing waits").isFalse();
    scheduler.track(stored(pod("w", null, "Pending", "1", "4")), null, false);
    ObjectNode annotated = pod("r", "node-1", "Running", "2", "100m");
    assertThat(scheduler.track(stored(annotated), running, false)).as("a scheduled pod's annotation").isFalse();
    ObjectNode done = pod("r", "node-1", "Succeeded", "2", "100m");
    assertThat(scheduler.track(stored(done), annotated, false)).as("became terminal: its requests are free").isTrue();
    assertThat(scheduler.track(stored(done), done, true)).as("deleted").isTrue();
  }
}
