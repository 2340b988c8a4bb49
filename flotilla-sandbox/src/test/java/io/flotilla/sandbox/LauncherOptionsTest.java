package io.flotilla.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

  @Test
  void parsesAllOptionsInBothSpellings() {
    LauncherOptions options = LauncherOptions.parse(List.of("--clusters", "100", "--nodes=20", "--pods", "1000",
        "--kubeconfig-dir", "/tmp/k", "--name-prefix", "fleet", "--base-port", "30000"));

    assertThat(options).isEqualTo(new LauncherOptions(100, 20, 1000, Path.of("/tmp/k"), "fleet", 30000, false));
  }

  @Test
  void defaultsToOneDemoCluster() {
    assertThat(LauncherOptions.parse(List.of())).isEqualTo(
        new LauncherOptions(1, 3, 30, Path.of("sandbox-kubeconfigs"), "sandbox", 0, false));
    assertThat(LauncherOptions.parse(List.of("--help")).help()).isTrue();
  }

  @Test
  void rejectsBadArgumentsWithAClearMessage() {
    assertThatThrownBy(() -> LauncherOptions.parse(List.of("--clusters", "many")))
        .hasMessage("--clusters expects a number, got 'many'");
    assertThatThrownBy(() -> LauncherOptions.parse(List.of("--nodes", "0"))).hasMessageContaining("between 1");
    assertThatThrownBy(() -> LauncherOptions.parse(List.of("--frobnicate", "1"))).hasMessage("unknown option --frobnicate");
    assertThatThrownBy(() -> LauncherOptions.parse(List.of("--pods"))).hasMessage("missing value for --pods");
    assertThatThrownBy(() -> LauncherOptions.parse(List.of("--name-prefix", "Bad_Name"))).hasMessageContaining("DNS-1123");
  }

  @Test
  void specValidatesNameNodesAndPods() {
    assertThatThrownBy(() -> new SandboxSpec("Bad", 1, 0, 1)).hasMessageContaining("DNS-1123");
    assertThatThrownBy(() -> new SandboxSpec("ok", 0, 0, 1)).hasMessageContaining("at least 1 node");
    assertThatThrownBy(() -> new SandboxSpec("ok", 1, -1, 1)).hasMessageContaining("pods must be >= 0");
    assertThat(SandboxSpec.demo("demo").nodes()).isEqualTo(3);
  }
}
