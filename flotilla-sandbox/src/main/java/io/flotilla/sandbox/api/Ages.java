package io.flotilla.sandbox.api;

import java.time.Duration;
import java.time.Instant;

/** Human durations as kubectl prints them ({@code 5m3s}, {@code 2d4h}). Pure logic. */
public final class Ages {

  private Ages() {
  }

  public static String since(String timestamp, Instant now) {
    if (timestamp == null || timestamp.isEmpty()) {
      return "<unknown>";
    }
    return human(Duration.between(Instant.parse(timestamp), now));
  }

  /** Port of {@code k8s.io/apimachinery/pkg/util/duration.HumanDuration}. */
  public static String human(Duration d) {
    long seconds = Math.max(0, d.getSeconds());
    if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    }
    if (minutes < 180) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    }
    if (hours < 48) {
      return hours + "h";
    }
    if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    }
    if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    }
    long years = hours / 24 / 365;
    return years < 8 ? years + "y" + (hours / 24 % 365) + "d" : years + "y";
  }
}
