package io.flotilla.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A field selector ({@code metadata.name=web,status.phase!=Failed}). Any dotted path of the object
 * can be selected; a missing field reads as the empty string, like Kubernetes. Pure logic.
 *
 * @param requirements all must hold
 */
public record FieldSelector(List<Requirement> requirements) {

  /**
   * One requirement.
   *
   * @param path   dotted field path
   * @param equals true for {@code =}/{@code ==}, false for {@code !=}
   * @param value  operand
   */
  public record Requirement(String path, boolean equals, String value) {

    public boolean matches(JsonNode object) {
      String actual = Json.text(object, path);
      return equals == value.equals(actual == null ? "" : actual);
    }
  }

  public static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  public FieldSelector {
    requirements = List.copyOf(requirements);
  }

  public static FieldSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> result = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int ne = p.indexOf("!=");
      int eqeq = p.indexOf("==");
      int eq = p.indexOf('=');
      if (ne > 0) {
        result.add(new Requirement(p.substring(0, ne).trim(), false, p.substring(ne + 2).trim()));
      } else if (eqeq > 0) {
        result.add(new Requirement(p.substring(0, eqeq).trim(), true, p.substring(eqeq + 2).trim()));
      } else if (eq > 0) {
        result.add(new Requirement(p.substring(0, eq).trim(), true, p.substring(eq + 1).trim()));
      } else {
        throw StoreException.badRequest("invalid field selector: '" + p + "'");
      }
    }
    return new FieldSelector(result);
  }

  public boolean matches(JsonNode object) {
    for (Requirement r : requirements) {
      if (!r.matches(object)) {
        return false;
      }
    }
    return true;
  }

  /** The value of an equality requirement on {@code path}, used to narrow lists quickly. */
  public Optional<String> equalityValue(String path) {
    return requirements.stream().filter(r -> r.equals() && r.path().equals(path)).map(Requirement::value)
        .findFirst();
  }
}
