package io.flotilla.sandbox.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON helpers over Jackson trees; objects in the store are {@link ObjectNode}s treated as immutable. */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private Json() {
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ObjectNode parseObject(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node instanceof ObjectNode object) {
        return object;
      }
      throw new StoreException(400, "BadRequest", "request body must be a JSON object");
    } catch (IOException e) {
      throw new StoreException(400, "BadRequest", "invalid JSON: " + e.getMessage());
    }
  }

  public static JsonNode parse(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new StoreException(400, "BadRequest", "invalid JSON: " + e.getMessage());
    }
  }

  /** Parses YAML or JSON (JSON is YAML). */
  public static JsonNode parseYaml(byte[] body) {
    try {
      JsonNode node = YAML.readTree(body);
      return node == null ? object() : node;
    } catch (IOException e) {
      throw new StoreException(400, "BadRequest", "invalid YAML: " + e.getMessage());
    }
  }

  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String string(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String yaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Converts a fabric8 model (or any bean) to a tree. */
  public static ObjectNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** Converts a tree to a fabric8 model type. */
  public static <T> T typed(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new StoreException(400, "BadRequest", "cannot read " + type.getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Text at a dotted path ({@code spec.nodeName}), or null. */
  public static String text(JsonNode node, String dottedPath) {
    JsonNode current = node;
    for (String part : dottedPath.split("\\.")) {
      if (current == null || !current.isObject()) {
        return null;
      }
      current = current.get(part);
    }
    return current == null || current.isNull() || current.isContainerNode() ? null : current.asText();
  }

  /** The object at {@code field}, created if absent. */
  public static ObjectNode with(ObjectNode node, String field) {
    JsonNode child = node.get(field);
    if (child instanceof ObjectNode object) {
      return object;
    }
    return node.putObject(field);
  }

  public static ObjectNode metadata(JsonNode object) {
    JsonNode meta = object.get("metadata");
    return meta instanceof ObjectNode m ? m : object();
  }

  public static String name(JsonNode object) {
    return text(object, "metadata.name");
  }

  public static String namespace(JsonNode object) {
    return text(object, "metadata.namespace");
  }

  public static String uid(JsonNode object) {
    return text(object, "metadata.uid");
  }

  /** metadata.labels as an ordered map (empty if absent). */
  public static Map<String, String> labels(JsonNode object) {
    return stringMap(metadata(object).get("labels"));
  }

  public static Map<String, String> annotations(JsonNode object) {
    return stringMap(metadata(object).get("annotations"));
  }

  public static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> result = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
    }
    return result;
  }

  /** RFC 3339 timestamp with second precision, as Kubernetes writes {@code metav1.Time}. */
  public static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** RFC 3339 timestamp with microseconds, as Kubernetes writes {@code metav1.MicroTime}. */
  public static String microTimestamp(Instant instant) {
    Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
    String text = micros.toString();
    if (micros.getNano() == 0) {
      return text.replace("Z", ".000000Z");
    }
    int dot = text.indexOf('.');
    String fraction = text.substring(dot + 1, text.length() - 1);
    return text.substring(0, dot + 1) + (fraction + "000000").substring(0, 6) + "Z";
  }

  public static Instant instant(String timestamp) {
    return timestamp == null || timestamp.isEmpty() ? null : Instant.parse(timestamp);
  }
}
