package io.flotilla.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.store.FieldSelector;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.LabelSelector;
import io.flotilla.sandbox.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WatchStreamTest {

  private final ObjectStore store = new ObjectStore(Clock.systemUTC(), 1, 100, 10);

  private void configMap(String name) {
    ObjectNode cm = Json.object();
    cm.putObject("metadata").put("name", name).put("namespace", "default");
    store.create(ResourceCatalog.CONFIGMAPS, cm, false);
  }

  @Test
  void bookmarkCarriesTheRevisionAfterEveryDeliveredEventAndOnlyTheResourceVersion() {
    WatchStream stream = new WatchStream(store, ResourceCatalog.CONFIGMAPS, null, LabelSelector.EVERYTHING,
        FieldSelector.EVERYTHING, store.revision(), false, 0, true);
    List<JsonNode> lines = new ArrayList<>();
    Consumer<byte[]> sink = line -> lines.add(Json.parse(new String(line, StandardCharsets.UTF_8).trim()
        .getBytes(StandardCharsets.UTF_8)));
    stream.open(sink);
    configMap("a");
    ObjectNode pod = Json.object();
    pod.putObject("metadata").put("name", "p").put("namespace", "default");
    store.create(ResourceCatalog.PODS, pod, false);

    stream.bookmark(sink);

    assertThat(lines).extracting(l -> l.path("type").asText()).containsExactly("ADDED", "BOOKMARK");
    JsonNode bookmark = lines.get(1).path("object");
    assertThat(bookmark.path("kind").asText()).isEqualTo("ConfigMap");
    assertThat(bookmark.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(bookmark.path("metadata").path("resourceVersion").asText()).isEqualTo(Long.toString(store.revision()));
    assertThat(bookmark.path("metadata").has("name")).isFalse();
  }
}
