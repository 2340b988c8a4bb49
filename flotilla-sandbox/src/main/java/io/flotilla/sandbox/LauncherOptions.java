package io.flotilla.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options of the sandbox launcher.
 *
 * @param clusters      number of clusters (default 1)
 * @param nodes         nodes per cluster (default 3)
 * @param pods          pods per cluster (default 30, the demo layout)
 * @param kubeconfigDir where {@code <cluster>.kubeconfig} files are written (default ./sandbox-kubeconfigs)
 * @param namePrefix    cluster names are {@code <prefix>-1..N} (default sandbox)
 * @param basePort      first port; cluster i listens on basePort+i-1 (default 0 = any free port)
 * @param help          print usage and exit
 */
record LauncherOptions(int clusters, int nodes, int pods, Path kubeconfigDir, String namePrefix, int basePort,
                       boolean help) {

  static final String USAGE = """
      Usage: sandbox-launcher [options]
      Starts simulated Kubernetes clusters on 127.0.0.1 and writes a kubeconfig for each.

        --clusters N         number of clusters to start (default 1)
        --nodes N            nodes per cluster (default 3)
        --pods N             pods per cluster (default 30: the demo workloads)
        --kubeconfig-dir DIR directory for <cluster>.kubeconfig files (default ./sandbox-kubeconfigs)
        --name-prefix NAME   cluster names are NAME-1..NAME-N (default sandbox)
        --base-port PORT     cluster i listens on PORT+i-1 (default 0: any free port)
        --help               print this help and exit

      Prints progress, then exactly one line "READY <n> clusters" once all clusters serve, and keeps serving
      until interrupted (SIGINT/SIGTERM).
      """;

  /** Parses arguments; throws IllegalArgumentException with a readable message on bad input. */
  static LauncherOptions parse(List<String> args) {
    int clusters = 1;
    int nodes = 3;
    int pods = 30;
    Path dir = Path.of("sandbox-kubeconfigs");
    String prefix = "sandbox";
    int basePort = 0;
    boolean help = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        value = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("missing value for " + arg);
        }
        value = args.get(++i);
      }
      switch (arg) {
        case "--clusters" -> clusters = number(arg, value, 1, 10_000);
        case "--nodes" -> nodes = number(arg, value, 1, 5_000);
        case "--pods" -> pods = number(arg, value, 0, 1_000_000);
        case "--kubeconfig-dir" -> dir = Path.of(value);
        case "--name-prefix" -> {
          if (!value.matches("[a-z0-9]([-a-z0-9]{0,50}[a-z0-9])?")) {
            throw new IllegalArgumentException("--name-prefix must be a DNS-1123 label prefix: " + value);
          }
          prefix = value;
        }
        case "--base-port" -> basePort = number(arg, value, 0, 65_535);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (basePort > 0 && basePort + clusters - 1 > 65_535) {
      throw new IllegalArgumentException("--base-port " + basePort + " leaves no room for " + clusters + " clusters");
    }
    return new LauncherOptions(clusters, nodes, pods, dir, prefix, basePort, help);
  }

  private static int number(String option, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects a number, got '" + value + "'");
    }
  }
}
