package io.flotilla.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes label selector: the string form ({@code app=web,tier!=db,env in (a,b),!legacy}) and the
 * object form ({@code matchLabels}/{@code matchExpressions}). Pure logic.
 *
 * @param requirements all must hold (empty selects everything)
 */
public record LabelSelector(List<Requirement> requirements) {

  /** Selector operators. */
  public enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST, GREATER_THAN, LESS_THAN }

  /**
   * One requirement.
   *
   * @param key      label key
   * @param operator operator
   * @param values   operand values (one for equality, several for set operators, none for existence)
   */
  public record Requirement(String key, Operator operator, Set<String> values) {

    public Requirement {
      values = Set.copyOf(values);
    }

    public boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case EQUALS, IN -> value != null && values.contains(value);
        case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
        case EXISTS -> value != null;
        case DOES_NOT_EXIST -> value == null;
        case GREATER_THAN -> compare(value) > 0;
        case LESS_THAN -> value != null && compare(value) < 0;
      };
    }

    private int compare(String value) {
      if (value == null) {
        return 0;
      }
      try {
        return Long.compare(Long.parseLong(value), Long.parseLong(values.iterator().next()));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  /** Matches no object (a null object-form selector selects nothing). */
  public static final LabelSelector NOTHING = new LabelSelector(
      List.of(new Requirement("", Operator.IN, Set.of())));

  public LabelSelector {
    requirements = List.copyOf(requirements);
  }

  public boolean matches(Map<String, String> labels) {
    for (Requirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** Parses the string form used in {@code ?labelSelector=} and {@code kubectl -l}. */
  public static LabelSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> result = new ArrayList<>();
    for (String part : splitTopLevel(text)) {
      result.add(parseRequirement(part.trim()));
    }
    return new LabelSelector(result);
  }

  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts.stream().filter(p -> !p.isBlank()).toList();
  }

  private static Requirement parseRequirement(String part) {
    if (part.startsWith("!")) {
      return new Requirement(checkKey(part.substring(1).trim()), Operator.DOES_NOT_EXIST, Set.of());
    }
    String[] words = part.split("\\s+", 2);
    if (words.length == 2) {
      String rest = words[1].trim();
      if (rest.startsWith("notin")) {
        return new Requirement(checkKey(words[0]), Operator.NOT_IN, valueSet(rest.substring(5)));
      }
      if (rest.startsWith("in")) {
        return new Requirement(checkKey(words[0]), Operator.IN, valueSet(rest.substring(2)));
      }
    }
    int notEquals = part.indexOf("!=");
    if (notEquals > 0) {
      return single(part.substring(0, notEquals), Operator.NOT_EQUALS, part.substring(notEquals + 2));
    }
    int doubleEquals = part.indexOf("==");
    if (doubleEquals > 0) {
      return single(part.substring(0, doubleEquals), Operator.EQUALS, part.substring(doubleEquals + 2));
    }
    int equals = part.indexOf('=');
    if (equals > 0) {
      return single(part.substring(0, equals), Operator.EQUALS, part.substring(equals + 1));
    }
    int gt = part.indexOf('>');
    if (gt > 0) {
      return single(part.substring(0, gt), Operator.GREATER_THAN, part.substring(gt + 1));
    }
    int lt = part.indexOf('<');
    if (lt > 0) {
      return single(part.substring(0, lt), Operator.LESS_THAN, part.substring(lt + 1));
    }
    return new Requirement(checkKey(part), Operator.EXISTS, Set.of());
  }

  private static Requirement single(String key, Operator operator, String value) {
    return new Requirement(checkKey(key.trim()), operator, Set.of(value.trim()));
  }

  private static String checkKey(String key) {
    if (key.isEmpty() || !key.matches("[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?")) {
      throw StoreException.badRequest("unable to parse requirement: invalid label key \"" + key + "\"");
    }
    return key;
  }

  private static Set<String> valueSet(String text) {
    String trimmed = text.trim();
    if (!trimmed.startsWith("(") || !trimmed.endsWith(")")) {
      throw StoreException.badRequest("unable to parse requirement: found '" + trimmed + "', expected: '('");
    }
    Set<String> values = new LinkedHashSet<>();
    for (String v : trimmed.substring(1, trimmed.length() - 1).split(",")) {
      if (!v.isBlank()) {
        values.add(v.trim());
      }
    }
    return values;
  }

  /**
   * The object form ({@code spec.selector} of workloads). A missing selector selects nothing, an empty
   * one selects everything, as in {@code metav1.LabelSelectorAsSelector}.
   */
  public static LabelSelector fromObject(JsonNode selector) {
    if (selector == null || selector.isNull() || selector.isMissingNode()) {
      return NOTHING;
    }
    List<Requirement> result = new ArrayList<>();
    JsonNode matchLabels = selector.get("matchLabels");
    if (matchLabels != null && matchLabels.isObject()) {
      matchLabels.properties().forEach(e ->
          result.add(new Requirement(e.getKey(), Operator.EQUALS, Set.of(e.getValue().asText()))));
    }
    JsonNode expressions = selector.get("matchExpressions");
    if (expressions != null && expressions.isArray()) {
      for (JsonNode expr : expressions) {
        Set<String> values = new LinkedHashSet<>();
        expr.path("values").forEach(v -> values.add(v.asText()));
        Operator op = switch (expr.path("operator").asText()) {
          case "In" -> Operator.IN;
          case "NotIn" -> Operator.NOT_IN;
          case "Exists" -> Operator.EXISTS;
          case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
          default -> throw StoreException.invalid("unsupported selector operator " + expr.path("operator"));
        };
        result.add(new Requirement(expr.path("key").asText(), op, values));
      }
    }
    return new LabelSelector(result);
  }

  /** A selector matching exactly these labels (the Service selector form). */
  public static LabelSelector fromMap(Map<String, String> labels) {
    List<Requirement> result = new ArrayList<>();
    labels.forEach((k, v) -> result.add(new Requirement(k, Operator.EQUALS, Set.of(v))));
    return new LabelSelector(result);
  }

  /** The string form, e.g. {@code app=web,tier notin (db)}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Requirement r : requirements) {
      String values = String.join(",", r.values().stream().sorted().toList());
      parts.add(switch (r.operator()) {
        case EQUALS -> r.key() + "=" + values;
        case NOT_EQUALS -> r.key() + "!=" + values;
        case IN -> r.key() + " in (" + values + ")";
        case NOT_IN -> r.key() + " notin (" + values + ")";
        case EXISTS -> r.key();
        case DOES_NOT_EXIST -> "!" + r.key();
        case GREATER_THAN -> r.key() + ">" + values;
        case LESS_THAN -> r.key() + "<" + values;
      });
    }
    return String.join(",", parts);
  }
}
