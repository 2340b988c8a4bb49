package io.flotilla.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PATCH flavours of the Kubernetes API, on JSON trees. Pure logic.
 * <ul>
 *   <li>JSON merge patch (RFC 7386)</li>
 *   <li>JSON patch (RFC 6902)</li>
 *   <li>strategic merge patch, approximated: lists of objects are merged by their merge key
 *   ({@code name}, {@code containerPort}, {@code mountPath}, {@code ip}, {@code type}...), other lists
 *   are replaced; {@code $patch: delete} and {@code $setElementOrder}/{@code $retainKeys} directives
 *   are understood or ignored</li>
 * </ul>
 */
public final class Patches {

  private static final List<String> MERGE_KEYS =
      List.of("name", "containerPort", "mountPath", "devicePath", "port", "ip", "type", "topologyKey", "key");

  private Patches() {
  }

  /** RFC 7386. Returns a new tree. */
  public static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject() ? (ObjectNode) target.deepCopy()
        : JsonNodeFactory.instance.objectNode();
    patch.properties().forEach(e -> {
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
      }
    });
    return result;
  }

  /** Strategic merge patch (approximation described above). Returns a new tree. */
  public static JsonNode strategicMerge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    if ("delete".equals(patch.path("$patch").asText(null))) {
      return null;
    }
    ObjectNode result = target != null && target.isObject() ? (ObjectNode) target.deepCopy()
        : JsonNodeFactory.instance.objectNode();
    if ("replace".equals(patch.path("$patch").asText(null))) {
      ObjectNode replaced = ((ObjectNode) patch).deepCopy();
      replaced.remove("$patch");
      return replaced;
    }
    Iterator<Map.Entry<String, JsonNode>> it = patch.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (key.startsWith("$")) {
        continue;
      }
      if (value.isNull()) {
        result.remove(key);
      } else if (value.isArray() && result.get(key) != null && result.get(key).isArray()) {
        result.set(key, mergeList((ArrayNode) result.get(key), (ArrayNode) value));
      } else if (value.isObject()) {
        JsonNode merged = strategicMerge(result.get(key), value);
        if (merged == null) {
          result.remove(key);
        } else {
          result.set(key, merged);
        }
      } else {
        result.set(key, stripDirectives(value));
      }
    }
    return result;
  }

  private static JsonNode mergeList(ArrayNode current, ArrayNode patch) {
    String mergeKey = mergeKeyOf(patch);
    if (mergeKey == null || !allHave(current, mergeKey)) {
      return stripDirectives(patch);
    }
    Map<String, JsonNode> merged = new LinkedHashMap<>();
    for (JsonNode item : current) {
      merged.put(item.path(mergeKey).asText(), item);
    }
    for (JsonNode item : patch) {
      String id = item.path(mergeKey).asText();
      if ("delete".equals(item.path("$patch").asText(null))) {
        merged.remove(id);
      } else {
        merged.put(id, strategicMerge(merged.get(id), item));
      }
    }
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    merged.values().forEach(result::add);
    return result;
  }

  private static String mergeKeyOf(ArrayNode list) {
    if (list.isEmpty() || !list.get(0).isObject()) {
      return null;
    }
    for (String candidate : MERGE_KEYS) {
      if (allHave(list, candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean allHave(ArrayNode list, String key) {
    for (JsonNode item : list) {
      if (!item.isObject() || !item.has(key)) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode stripDirectives(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.properties().forEach(e -> {
        if (!e.getKey().startsWith("$")) {
          copy.set(e.getKey(), stripDirectives(e.getValue()));
        }
      });
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(stripDirectives(item)));
      return copy;
    }
    return node;
  }

  /** RFC 6902 JSON patch. Returns a new tree. */
  public static JsonNode jsonPatch(JsonNode target, JsonNode operations) {
    if (!operations.isArray()) {
      throw StoreException.badRequest("json patch must be an array of operations");
    }
    JsonNode doc = target.deepCopy();
    for (JsonNode op : operations) {
      String path = op.path("path").asText();
      switch (op.path("op").asText()) {
        case "add" -> doc = add(doc, path, op.get("value").deepCopy());
        case "remove" -> doc = remove(doc, path);
        case "replace" -> doc = add(remove(doc, path), path, op.get("value").deepCopy());
        case "move" -> {
          JsonNode value = at(doc, op.path("from").asText());
          doc = add(remove(doc, op.path("from").asText()), path, value);
        }
        case "copy" -> doc = add(doc, path, at(doc, op.path("from").asText()).deepCopy());
        case "test" -> {
          if (!op.get("value").equals(at(doc, path))) {
            throw StoreException.invalid("json patch test failed at " + path);
          }
        }
        default -> throw StoreException.badRequest("unknown json patch op " + op.path("op").asText());
      }
    }
    return doc;
  }

  private static List<String> tokens(String pointer) {
    List<String> result = new ArrayList<>();
    if (pointer.isEmpty()) {
      return result;
    }
    for (String t : pointer.substring(1).split("/", -1)) {
      result.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return result;
  }

  private static JsonNode at(JsonNode doc, String pointer) {
    JsonNode node = doc.at(pointer);
    if (node.isMissingNode()) {
      throw StoreException.invalid("json patch path not found: " + pointer);
    }
    return node;
  }

  private static JsonNode add(JsonNode doc, String pointer, JsonNode value) {
    List<String> tokens = tokens(pointer);
    if (tokens.isEmpty()) {
      return value;
    }
    JsonNode parent = parentOf(doc, tokens);
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else if (parent instanceof ArrayNode array) {
      if (last.equals("-")) {
        array.add(value);
      } else {
        array.insert(Integer.parseInt(last), value);
      }
    }
    return doc;
  }

  private static JsonNode remove(JsonNode doc, String pointer) {
    List<String> tokens = tokens(pointer);
    JsonNode parent = parentOf(doc, tokens);
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ObjectNode object) {
      if (object.remove(last) == null) {
        throw StoreException.invalid("json patch path not found: " + pointer);
      }
    } else if (parent instanceof ArrayNode array) {
      array.remove(Integer.parseInt(last));
    }
    return doc;
  }

  private static JsonNode parentOf(JsonNode doc, List<String> tokens) {
    JsonNode current = doc;
    for (int i = 0; i < tokens.size() - 1; i++) {
      String t = tokens.get(i);
      current = current.isArray() ? current.get(Integer.parseInt(t)) : current.get(t);
      if (current == null) {
        throw StoreException.invalid("json patch path not found: /" + String.join("/", tokens));
      }
    }
    return current;
  }
}
