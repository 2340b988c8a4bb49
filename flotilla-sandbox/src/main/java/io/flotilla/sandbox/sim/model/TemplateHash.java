package io.flotilla.sandbox.sim.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.store.Json;
import java.nio.charset.StandardCharsets;

/**
 * The {@code pod-template-hash} of a pod template: FNV-1a 32 over the template (without the hash label),
 * encoded with Kubernetes' safe alphabet like {@code rand.SafeEncodeString}. Pure logic.
 */
public final class TemplateHash {

  public static final String LABEL = "pod-template-hash";
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private TemplateHash() {
  }

  public static String of(JsonNode template) {
    return of(template, 0);
  }

  public static String of(JsonNode template, int collisionCount) {
    byte[] bytes = Json.bytes(normalized(template));
    int hash = 0x811c9dc5;
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    for (int i = 0; i < collisionCount; i++) {
      hash ^= 0x2f;
      hash *= 0x01000193;
    }
    String decimal = Long.toString(hash & 0xffffffffL);
    StringBuilder sb = new StringBuilder();
    for (char c : decimal.toCharArray()) {
      sb.append(ALPHABET.charAt(c % ALPHABET.length()));
    }
    return sb.toString();
  }

  /** The template without the hash label (templates of Deployments and their ReplicaSets compare equal). */
  public static JsonNode normalized(JsonNode template) {
    if (template == null || !template.isObject()) {
      return Json.object();
    }
    ObjectNode copy = template.deepCopy();
    JsonNode labels = copy.at("/metadata/labels");
    if (labels instanceof ObjectNode l) {
      l.remove(LABEL);
      l.remove("controller-revision-hash");
    }
    return copy;
  }

  public static boolean sameTemplate(JsonNode a, JsonNode b) {
    return normalized(a).equals(normalized(b));
  }
}
