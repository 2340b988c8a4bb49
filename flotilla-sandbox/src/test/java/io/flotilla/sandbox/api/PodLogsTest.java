package io.flotilla.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.sandbox.store.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PodLogsTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final JsonNode POD = Json.parse(("{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.27\"}]},"
      + "\"status\":{\"startTime\":\"" + START + "\"}}").getBytes(StandardCharsets.UTF_8));

  @Test
  void logStartsWithTheContainerThenOneProbeLinePerInterval() {
    String log = PodLogs.render(POD, null, -1, START.plusSeconds(10));

    assertThat(log.lines()).hasSize(1 + 1 + 5);
    assertThat(log.lines().findFirst()).hasValueSatisfying(l -> assertThat(l).contains("web started from image nginx:1.27"));
    assertThat(log).endsWith(START.plusSeconds(10) + " [sandbox] GET /healthz 200 6ms\n");
  }

  @Test
  void followedLinesContinueExactlyWhereTheReadEnded() {
    Instant opened = START.plusSeconds(7);
    String read = PodLogs.render(POD, null, -1, opened);
    String followed = PodLogs.between(POD, null, opened, START.plusSeconds(12));

    assertThat(PodLogs.render(POD, null, -1, START.plusSeconds(12))).isEqualTo(read + followed);
    assertThat(followed.lines()).hasSize(3);
  }

  @Test
  void tailAndSinceSelectTheNewestLines() {
    Instant now = START.plusSeconds(60);

    assertThat(PodLogs.render(POD, null, 3, now).lines()).hasSize(3);
    assertThat(PodLogs.render(POD, new PodLogs.Query(null, -1, START.plusSeconds(50), false), now).lines())
        .hasSize(6);
  }

  @Test
  void historyIsBounded() {
    assertThat(PodLogs.render(POD, null, -1, START.plusSeconds(86_400)).lines()).hasSize(PodLogs.HISTORY);
  }

  @Test
  void knowsWhichContainersThePodHas() {
    assertThat(PodLogs.hasContainer(POD, "web")).isTrue();
    assertThat(PodLogs.hasContainer(POD, null)).isTrue();
    assertThat(PodLogs.hasContainer(POD, "sidecar")).isFalse();
  }
}
