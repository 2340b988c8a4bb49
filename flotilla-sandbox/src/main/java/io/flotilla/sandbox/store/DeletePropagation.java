package io.flotilla.sandbox.store;

/** What happens to dependents (objects whose ownerReferences name the deleted object). */
public enum DeletePropagation {
  /** Dependents are deleted too (Kubernetes' default for most clients). */
  BACKGROUND,
  /** Same as background here: dependents are deleted before the call returns. */
  FOREGROUND,
  /** Dependents are kept and lose their ownerReference. */
  ORPHAN;

  public static DeletePropagation parse(String value) {
    if (value == null || value.isEmpty()) {
      return BACKGROUND;
    }
    return switch (value) {
      case "Orphan" -> ORPHAN;
      case "Foreground" -> FOREGROUND;
      default -> BACKGROUND;
    };
  }
}
