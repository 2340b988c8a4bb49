package io.flotilla.sandbox.store;

/**
 * A change to the store, in revision order.
 *
 * @param type     ADDED, MODIFIED or DELETED
 * @param object   the object after the change (for DELETED: the last state, with the deletion revision)
 * @param previous the object before the change, null for ADDED
 */
public record StoreEvent(Type type, StoredObject object, StoredObject previous) {

  /** Watch event types. */
  public enum Type { ADDED, MODIFIED, DELETED }

  public long revision() {
    return object.resourceVersion();
  }
}
