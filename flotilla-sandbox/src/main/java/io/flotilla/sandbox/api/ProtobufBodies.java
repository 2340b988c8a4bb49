package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Decodes the Kubernetes protobuf envelope ({@code k8s\0} + runtime.Unknown) for the few simple kinds
 * kubectl's generators send as protobuf ({@code kubectl create namespace|configmap|secret|serviceaccount}).
 * Everything else is refused with 415. Pure logic.
 */
public final class ProtobufBodies {

  private enum Kind { STRING, BYTES, INT, BOOL, MAP_STRING, MAP_BYTES, REPEATED_STRING, SKIP }

  /**
   * A field of a protobuf message.
   *
   * @param json    JSON name
   * @param kind    wire interpretation
   * @param message nested message name for message fields (then {@code kind} is ignored)
   */
  private record Field(String json, Kind kind, String message) {
  }

  private static final Map<String, Map<Integer, Field>> MESSAGES = Map.of(
      "ObjectMeta", Map.of(1, f("name", Kind.STRING), 2, f("generateName", Kind.STRING),
          3, f("namespace", Kind.STRING), 11, f("labels", Kind.MAP_STRING), 12, f("annotations", Kind.MAP_STRING),
          14, f("finalizers", Kind.REPEATED_STRING)),
      "Namespace", Map.of(1, m("metadata", "ObjectMeta"), 2, m("spec", "NamespaceSpec")),
      "NamespaceSpec", Map.of(1, f("finalizers", Kind.REPEATED_STRING)),
      "ConfigMap", Map.of(1, m("metadata", "ObjectMeta"), 2, f("data", Kind.MAP_STRING),
          3, f("binaryData", Kind.MAP_BYTES), 4, f("immutable", Kind.BOOL)),
      "Secret", Map.of(1, m("metadata", "ObjectMeta"), 2, f("data", Kind.MAP_BYTES), 3, f("type", Kind.STRING),
          4, f("immutable", Kind.BOOL), 5, f("stringData", Kind.MAP_STRING)),
      "ServiceAccount", Map.of(1, m("metadata", "ObjectMeta")));

  private ProtobufBodies() {
  }

  private static Field f(String json, Kind kind) {
    return new Field(json, kind, null);
  }

  private static Field m(String json, String message) {
    return new Field(json, Kind.SKIP, message);
  }

  public static boolean supports(ResourceType type) {
    return type.group().isEmpty() && MESSAGES.containsKey(type.kind());
  }

  public static ObjectNode decode(ResourceType type, byte[] body) {
    if (!supports(type)) {
      throw new StoreException(415, "UnsupportedMediaType", "the sandbox API server does not decode protobuf "
          + type.kind() + " bodies; send JSON or YAML instead (e.g. kubectl create ... --dry-run=client -o yaml |"
          + " kubectl apply -f -)");
    }
    if (body.length < 4 || body[0] != 'k' || body[1] != '8' || body[2] != 's' || body[3] != 0) {
      throw StoreException.badRequest("protobuf body without the k8s envelope");
    }
    Reader unknown = new Reader(body, 4, body.length);
    byte[] raw = null;
    while (unknown.more()) {
      long tag = unknown.varint();
      if ((int) (tag >>> 3) == 2 && (tag & 7) == 2) {
        raw = unknown.bytes();
      } else {
        unknown.skip((int) (tag & 7));
      }
    }
    if (raw == null) {
      throw StoreException.badRequest("protobuf envelope without an object");
    }
    ObjectNode object = message(type.kind(), new Reader(raw, 0, raw.length));
    object.put("apiVersion", type.apiVersion());
    object.put("kind", type.kind());
    return object;
  }

  private static ObjectNode message(String name, Reader in) {
    Map<Integer, Field> fields = MESSAGES.get(name);
    ObjectNode node = Json.object();
    while (in.more()) {
      long tag = in.varint();
      int number = (int) (tag >>> 3);
      int wire = (int) (tag & 7);
      Field field = fields.get(number);
      if (field == null) {
        in.skip(wire);
        continue;
      }
      if (field.message() != null) {
        byte[] nested = in.bytes();
        node.set(field.json(), message(field.message(), new Reader(nested, 0, nested.length)));
        continue;
      }
      switch (field.kind()) {
        case STRING -> node.put(field.json(), new String(in.bytes(), StandardCharsets.UTF_8));
        case BYTES -> node.put(field.json(), Base64.getEncoder().encodeToString(in.bytes()));
        case INT -> node.put(field.json(), in.varint());
        case BOOL -> node.put(field.json(), in.varint() != 0);
        case REPEATED_STRING -> {
          ArrayNode array = node.get(field.json()) instanceof ArrayNode a ? a : node.putArray(field.json());
          array.add(new String(in.bytes(), StandardCharsets.UTF_8));
        }
        case MAP_STRING, MAP_BYTES -> {
          byte[] entry = in.bytes();
          Reader e = new Reader(entry, 0, entry.length);
          String key = "";
          byte[] value = new byte[0];
          while (e.more()) {
            long t = e.varint();
            if ((t >>> 3) == 1) {
              key = new String(e.bytes(), StandardCharsets.UTF_8);
            } else if ((t >>> 3) == 2) {
              value = e.bytes();
            } else {
              e.skip((int) (t & 7));
            }
          }
          ObjectNode map = Json.with(node, field.json());
          map.put(key, field.kind() == Kind.MAP_STRING ? new String(value, StandardCharsets.UTF_8)
              : Base64.getEncoder().encodeToString(value));
        }
        case SKIP -> in.skip(wire);
      }
    }
    return node;
  }

  /** A protobuf wire-format reader over a byte range. */
  private static final class Reader {
    private final byte[] data;
    private final int end;
    private int pos;

    Reader(byte[] data, int start, int end) {
      this.data = data;
      this.pos = start;
      this.end = end;
    }

    boolean more() {
      return pos < end;
    }

    long varint() {
      long result = 0;
      int shift = 0;
      while (true) {
        if (pos >= end) {
          throw StoreException.badRequest("truncated protobuf body");
        }
        byte b = data[pos++];
        result |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
        shift += 7;
      }
    }

    byte[] bytes() {
      int length = (int) varint();
      if (length < 0 || pos + length > end) {
        throw StoreException.badRequest("truncated protobuf body");
      }
      byte[] result = new byte[length];
      System.arraycopy(data, pos, result, 0, length);
      pos += length;
      return result;
    }

    void skip(int wire) {
      switch (wire) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> bytes();
        case 5 -> pos += 4;
        default -> throw StoreException.badRequest("unsupported protobuf wire type " + wire);
      }
    }
  }
}
